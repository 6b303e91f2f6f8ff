"""A small but complete public site, with personal data in every place it could leak
from, and the addresses of every public page built from it."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.files.base import ContentFile

from participants.choices import RegistrationStatus
from publications.choices import FileFormat
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
    TestimonialFactory,
)
from tests.factories.publications import (
    NewsArticleFactory,
    NewsletterFigureFactory,
    NewsletterIssueFactory,
    NewsletterSectionFactory,
    PublicationFactory,
    PublicationFileFactory,
)
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThematicAreaFactory,
    TrainingRequestFactory,
    WorkshopPartnerFactory,
)
from tests.public.builders import future, make_event, past
from workshops.choices import WorkshopStatus

# Strings that must never reach a public page, feed or calendar.
PERSONAL_DATA = [
    "Qoriah",
    "Zwanenburg",
    "qoriah.zwanenburg@imi-secret.example",
    "Xanthippe",
    "Okonkwo-Vasquez",
    "x.okonkwo@police-secret.example",
    "Requester Ygritte",
    "ygritte@requests-secret.example",
]


@dataclass
class PublicSite:
    pages: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


def build_public_site() -> PublicSite:
    malaysia = MemberStateFactory(name="Malaysia")
    immigration = OrganisationFactory(
        name="Immigration Department of Malaysia", acronym="JIM", member_state=malaysia
    )
    area = ThematicAreaFactory(name="People smuggling", slug="people-smuggling")

    delivered = make_event(
        title="Virtual Training Workshop on Addressing People Smuggling",
        slug="malaysia-virtual-workshop",
        days=[past(10), past(8)],
        sessions_per_day=2,
        speakers_per_session=1,
        status=WorkshopStatus.DELIVERED,
    )
    delivered.thematic_areas.add(area)
    delivered.target_member_states.add(malaysia)
    WorkshopPartnerFactory(workshop=delivered)
    trained = ParticipantFactory(
        given_name="Qoriah",
        family_name="Zwanenburg",
        email="qoriah.zwanenburg@imi-secret.example",
        member_state=malaysia,
        agency=immigration,
    )
    registration = RegistrationFactory(
        workshop=delivered, participant=trained, status=RegistrationStatus.COMPLETED
    )
    AttendanceFactory(registration=registration, day=delivered.days.first())
    TestimonialFactory(workshop=delivered, quote="Very useful for my work at the border.")

    upcoming = make_event(
        title="Regional Dialogue on Migrant Protection",
        slug="regional-dialogue",
        days=[future(20)],
        sessions_per_day=1,
        # On its page, its card in the events list and on the home page.
        cover_image=ContentFile(b"GIF89a;", name="cover.gif"),
        cover_image_alt="Delegates around a conference table",
    )
    upcoming.sessions.first().speakers.add(SpeakerFactory(name="Wendy MacDonald"))
    RegistrationFactory(
        workshop=upcoming,
        status=RegistrationStatus.CONFIRMED,
        participant=ParticipantFactory(
            given_name="Xanthippe",
            family_name="Okonkwo-Vasquez",
            email="x.okonkwo@police-secret.example",
        ),
    )
    TrainingRequestFactory(name="Requester Ygritte", email="ygritte@requests-secret.example")

    article = NewsArticleFactory(
        title="The RSO delivers a virtual workshop to Malaysian Immigration",
        slug="virtual-workshop-malaysia",
        image=ContentFile(b"GIF89a;", name="group.gif"),
        image_alt="Malaysian immigration group photo",
    )
    article.thematic_areas.add(area)
    article.related_workshops.add(delivered)
    NewsArticleFactory(title="An older article", slug="older-article")

    publication = PublicationFactory(title="Directory of services", slug="directory")
    publication.thematic_areas.add(area)
    PublicationFileFactory(publication=publication, language="en")
    PublicationFileFactory(
        publication=publication,
        language="en",
        format=FileFormat.VIDEO,
        file="",
        external_url="https://video.example.org/directory",
    )

    issue = NewsletterIssueFactory(title="Let's Connect to Act", slug="issue-2")
    NewsletterFigureFactory(issue=issue)
    NewsletterSectionFactory(issue=issue).related_workshops.add(delivered)

    pages = [
        "/",
        "/news/",
        "/news/?thematic_area=people-smuggling",
        "/news/?q=workshop",
        f"/news/{article.slug}/",
        "/events/",
        "/events/?when=past",
        f"/events/{delivered.slug}/",
        f"/events/{upcoming.slug}/",
        "/publications/",
        f"/publications/{publication.slug}/",
        "/highlights/",
        f"/highlights/{issue.slug}/",
        "/contact/",
        "/contact/thanks/",
        "/id/",
        f"/th/events/{delivered.slug}/",
        "/vi/news/",
        "/ms/contact/",
        "/no-such-page/",
    ]
    feeds = [
        "/feeds/news/",
        "/feeds/news/atom/",
        "/events.ics",
        f"/events/{delivered.slug}.ics",
        f"/events/{upcoming.slug}.ics",
        "/sitemap.xml",
        "/robots.txt",
    ]
    return PublicSite(pages=pages, feeds=feeds)


class PageStructure(HTMLParser):
    """What a page's markup says about its landmarks, headings, labels and meta tags."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.h1_count = 0
        self.html_lang = None
        self.meta: dict[str, str] = {}
        self.images_without_alt: list[str] = []
        self.label_targets: set[str] = set()
        self.controls: list[dict] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "meta":
            key = attributes.get("name") or attributes.get("property")
            if key:
                self.meta[key] = attributes.get("content", "")
        elif tag == "img" and "alt" not in attributes:
            self.images_without_alt.append(attributes.get("src", ""))
        elif tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        elif tag in ("input", "select", "textarea") and attributes.get("type") not in (
            "hidden",
            "submit",
        ):
            self.controls.append(attributes)

    def unlabelled_controls(self) -> list[str]:
        return [
            c.get("name", "?")
            for c in self.controls
            if c.get("id") not in self.label_targets and not c.get("aria-label")
        ]


def structure_of(html: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(html)
    return parser
