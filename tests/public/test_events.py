import datetime as dt
import re

import pytest

from participants.choices import AttendanceMark, RegistrationStatus
from reports.queries import headline_figures
from tests.factories.participants import AttendanceFactory
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    SessionFactory,
    SpeakerFactory,
    ThematicAreaFactory,
    WorkshopDayFactory,
    WorkshopFactory,
    WorkshopPartnerFactory,
)
from tests.public.builders import future, make_event, past, register
from workshops.choices import DeliveryMode, PartnerRole, WorkshopKind, WorkshopStatus

pytestmark = pytest.mark.django_db


def titles(response):
    return [w.title for w in response.context["events"]]


# Listing ------------------------------------------------------------------------


def test_event_list_shows_upcoming_soonest_first_and_undated_last(client):
    make_event(title="Later", days=[future(20)])
    make_event(title="Undated", days=[])
    make_event(title="Sooner", days=[future(3)])
    make_event(title="Over", days=[past(3)])

    response = client.get("/events/")

    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later", "Undated"]


def test_event_list_past_switch_shows_past_latest_first(client):
    make_event(title="Long ago", days=[past(300)])
    make_event(title="Recently", days=[past(3)])
    make_event(title="Soon", days=[future(3)])

    response = client.get("/events/?when=past")

    assert titles(response) == ["Recently", "Long ago"]
    assert response.context["is_past"] is True


def test_event_list_hides_drafts_and_non_public_workshops(client):
    make_event(title="Shown", days=[future(3)])
    make_event(title="Draft", days=[future(3)], status=WorkshopStatus.DRAFT)
    make_event(title="Internal", days=[future(3)], is_public=False)

    response = client.get("/events/")

    assert titles(response) == ["Shown"]


def test_event_list_filters_by_thematic_area(client):
    area = ThematicAreaFactory(slug="smuggling-by-air")
    make_event(title="Tagged", days=[future(3)]).thematic_areas.add(area)
    make_event(title="Other", days=[future(4)])

    response = client.get("/events/?thematic_area=smuggling-by-air")

    assert titles(response) == ["Tagged"]
    assert response.context["is_filtered"] is True


def test_event_list_filters_by_kind(client):
    make_event(title="A course", days=[future(3)], kind=WorkshopKind.COURSE)
    make_event(title="A workshop", days=[future(4)], kind=WorkshopKind.WORKSHOP)

    response = client.get("/events/?kind=course")

    assert titles(response) == ["A course"]


def test_event_list_filters_by_member_state_targeted_or_hosting(client):
    malaysia = MemberStateFactory(name="Malaysia")
    make_event(title="Targeting", days=[future(3)]).target_member_states.add(malaysia)
    make_event(title="Hosted", days=[future(4)], country=malaysia)
    make_event(title="Elsewhere", days=[future(5)])

    response = client.get(f"/events/?member_state={malaysia.pk}")

    assert titles(response) == ["Targeting", "Hosted"]


def test_event_list_filters_by_year(client):
    make_event(title="In 2022", days=[dt.date(2022, 7, 18)])
    make_event(title="In 2021", days=[dt.date(2021, 3, 1)])

    response = client.get("/events/?when=past&year=2022")

    assert titles(response) == ["In 2022"]


def test_event_list_ignores_an_invalid_filter_value(client):
    make_event(title="Shown", days=[future(3)])

    response = client.get("/events/?year=abc&kind=nonsense")

    assert response.status_code == 200
    assert titles(response) == ["Shown"]


def test_event_list_page_links_keep_the_filters(client):
    for n in range(13):
        make_event(title=f"Event {n:02d}", days=[future(n + 1)], kind=WorkshopKind.COURSE)

    html = client.get("/events/?kind=course").content.decode()

    assert 'href="?kind=course&amp;page=2"' in html


def test_event_list_marks_tentative_dates_and_cancellations(client):
    make_event(title="Tentative", days=[future(3)], has_tentative_dates=True)
    make_event(title="Cancelled", days=[future(4)], status=WorkshopStatus.CANCELLED)

    html = client.get("/events/").content.decode()

    assert "dates to be confirmed" in html
    assert '<span class="badge text-bg-danger">Cancelled</span>' in html


def card_dates(html: str, title: str) -> str:
    """The dates line of the card titled `title`, without the icon."""
    card = html[html.index(f">{title}</a>") :]
    line = card[card.index("</i> ") + len("</i> ") :]
    return line[: line.index("</p>")]


def test_event_card_shows_non_consecutive_days_themselves(client):
    make_event(title="Two days", days=[dt.date(2030, 7, 15), dt.date(2030, 7, 17)])

    html = client.get("/events/").content.decode()

    assert card_dates(html, "Two days") == (
        '<time datetime="2030-07-15">Monday July 15</time> and '
        '<time datetime="2030-07-17">Wednesday July 17, 2030</time>'
    )


def test_event_card_shows_the_year_of_each_run_of_days_in_one_year(client):
    make_event(
        title="Across new year",
        days=[dt.date(2030, 12, 30), dt.date(2031, 1, 2), dt.date(2031, 1, 6)],
    )

    html = client.get("/events/").content.decode()

    assert card_dates(html, "Across new year") == (
        '<time datetime="2030-12-30">Monday Dec. 30, 2030</time>, '
        '<time datetime="2031-01-02">Thursday January 2</time> and '
        '<time datetime="2031-01-06">Monday Jan. 6, 2031</time>'
    )


def test_event_card_shows_consecutive_days_as_first_to_last(client):
    make_event(
        title="Three days", days=[dt.date(2030, 7, 15), dt.date(2030, 7, 16), dt.date(2030, 7, 17)]
    )

    html = client.get("/events/").content.decode()

    assert card_dates(html, "Three days") == (
        '<time datetime="2030-07-15">July 15, 2030</time> – '
        '<time datetime="2030-07-17">July 17, 2030</time>'
    )


@pytest.mark.parametrize(
    ("days", "status", "badge"),
    [
        (
            [future(30)],
            WorkshopStatus.SCHEDULED,
            '<span class="badge text-bg-warning">dates to be confirmed</span>',
        ),
        (
            [past(30)],
            WorkshopStatus.SCHEDULED,
            '<span class="badge text-bg-secondary">planned date, never confirmed</span>',
        ),
        ([past(30)], WorkshopStatus.DELIVERED, ""),
    ],
    ids=["ahead", "passed", "passed-and-delivered"],
)
def test_tentative_date_says_what_it_is_once_passed(client, days, status, badge):
    make_event(title="Function", days=days, status=status, has_tentative_dates=True)

    html = client.get("/events/?when=past" if days[0] < future(0) else "/events/").content.decode()

    dates = card_dates(html, "Function")
    assert dates[dates.index("</time>") + len("</time>") :] == (f" {badge}" if badge else "")


@pytest.mark.parametrize("rows", [5, 50])
def test_event_list_queries_stay_constant(client, no_page_cache, django_assert_num_queries, rows):
    areas = ThematicAreaFactory.create_batch(3)
    states = MemberStateFactory.create_batch(3)
    for n in range(rows):
        event = make_event(days=[future(n + 1), future(n + 3)], country=states[n % 3])
        event.thematic_areas.add(*areas)

    # count, page, days and thematic areas of the page; the filters' areas, states and
    # years.
    with django_assert_num_queries(7):
        response = client.get("/events/")

    assert len(response.context["events"]) == min(rows, 12)


# One event ----------------------------------------------------------------------


def test_event_page_groups_the_programme_by_day_in_the_events_timezone(client):
    workshop = make_event(title="Workshop on Addressing People Smuggling", timezone="Asia/Jakarta")
    monday = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2030, 7, 15))
    wednesday = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2030, 7, 17))
    SessionFactory(
        day=wednesday,
        title="Victim-Centered Approaches",
        start_time=dt.time(13),
        end_time=dt.time(14),
    )
    SessionFactory(
        day=monday,
        title="Trafficking in Persons & Smuggling of Migrants",
        start_time=dt.time(9),
        end_time=dt.time(10, 30),
    )

    response = client.get(f"/events/{workshop.slug}/")

    html = response.content.decode()
    event = response.context["event"]
    assert [day.held_on for day in event.days] == [dt.date(2030, 7, 15), dt.date(2030, 7, 17)]
    assert [[s.title for s in day.sessions] for day in event.days] == [
        ["Trafficking in Persons & Smuggling of Migrants"],
        ["Victim-Centered Approaches"],
    ]
    assert "Times are in Jakarta time (UTC+07:00)." in html
    assert (
        '<time datetime="2030-07-15T09:00:00+07:00" data-local>09:00</time>–'
        '<time datetime="2030-07-15T10:30:00+07:00" data-local>10:30</time>'
    ) in html
    assert html.index("Smuggling of Migrants") < html.index("Victim-Centered Approaches")


def test_event_page_shows_speakers_with_their_organisations(client):
    workshop = make_event(days=[future(5)], sessions_per_day=1)
    iom = OrganisationFactory(name="International Organization for Migration", acronym="IOM")
    speaker = SpeakerFactory(
        honorific="Ms.",
        name="Among Resi",
        position="Counter-Trafficking Program Officer",
        organisation=iom,
    )
    workshop.sessions.get().speakers.add(speaker)

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert (
        "Ms. Among Resi, Counter-Trafficking Program Officer, "
        "International Organization for Migration (IOM)" in html
    )


def test_event_page_lists_partners_by_role_in_role_order(client):
    workshop = make_event(days=[future(5)])
    WorkshopPartnerFactory(
        workshop=workshop,
        role=PartnerRole.FUNDER,
        organisation=OrganisationFactory(name="Donor Agency", acronym=""),
    )
    WorkshopPartnerFactory(
        workshop=workshop,
        role=PartnerRole.CO_HOST,
        organisation=OrganisationFactory(name="Jakarta Centre", acronym="JCLEC"),
    )

    response = client.get(f"/events/{workshop.slug}/")

    partners = [
        (role, [o.name for o in organisations])
        for role, organisations in response.context["event"].partners_by_role
    ]
    assert partners == [("Co-host", ["Jakarta Centre"]), ("Funder", ["Donor Agency"])]


def test_event_page_derives_states_and_agencies_from_targets_and_registrations(client):
    workshop = make_event(days=[past(5)], status=WorkshopStatus.DELIVERED)
    thailand = MemberStateFactory(name="Thailand")
    malaysia = MemberStateFactory(name="Malaysia")
    indonesia = MemberStateFactory(name="Indonesia")
    workshop.target_member_states.add(thailand)
    immigration = OrganisationFactory(
        name="Malaysian Immigration Department", acronym="JIM", member_state=malaysia
    )
    register(workshop, count=2, member_state=malaysia, agency=immigration)
    # Withdrawn or never attended: not represented at a delivered workshop.
    register(
        workshop,
        status=RegistrationStatus.CONFIRMED,
        member_state=indonesia,
        agency=OrganisationFactory(name="Indonesian Police", member_state=indonesia),
    )

    response = client.get(f"/events/{workshop.slug}/")

    event = response.context["event"]
    assert event.member_states == ["Malaysia", "Thailand"]
    assert event.agencies == [{"name": "Malaysian Immigration Department", "acronym": "JIM"}]
    assert event.participant_count == 2
    assert "2 officials" in response.content.decode()


def test_upcoming_event_names_its_targets_not_its_nominees_and_no_count(client):
    workshop = make_event(days=[future(5)])
    workshop.target_member_states.add(MemberStateFactory(name="Timor-Leste"))
    workshop.target_agencies.add(OrganisationFactory(name="Border Police", acronym="BP"))
    register(
        workshop,
        count=3,
        status=RegistrationStatus.CONFIRMED,
        member_state=MemberStateFactory(name="Sri Lanka"),
        agency=OrganisationFactory(name="Nominating agency"),
    )

    response = client.get(f"/events/{workshop.slug}/")

    html = response.content.decode()
    event = response.context["event"]
    assert (event.participant_count, event.member_states) == (0, ["Timor-Leste"])
    assert event.agencies == [{"name": "Border Police", "acronym": "BP"}]
    assert "<dt>For officials of</dt>" in html
    assert "<dt>Agencies invited</dt>" in html
    assert "officials</dd>" not in html
    assert "Nominating agency" not in html


def test_upcoming_event_tells_a_visitor_how_to_take_part(client, settings):
    settings.OFFICE_EMAIL = "info@rso.example.org"
    workshop = make_event(days=[future(5)])

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert '<h2 id="take-part-title" class="h4">How to take part</h2>' in html
    assert (
        'Questions about this event: <a href="mailto:info@rso.example.org">'
        "info@rso.example.org</a>. To ask for a training for your own agency, use the "
        '<a href="/contact/">training request form</a>.'
    ) in html


@pytest.mark.parametrize(
    ("days", "status"),
    [([past(5)], WorkshopStatus.DELIVERED), ([future(5)], WorkshopStatus.CANCELLED)],
    ids=["delivered", "cancelled"],
)
def test_event_over_or_cancelled_has_no_way_to_take_part(client, days, status):
    workshop = make_event(days=days, status=status)

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert "How to take part" not in html


def test_event_page_names_the_time_zone_in_words_beside_the_dates(client):
    workshop = make_event(days=[dt.date(2030, 7, 15)], timezone="Asia/Kuala_Lumpur")

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert ("<dt>Time zone</dt>\n        <dd>Kuala Lumpur time (UTC+08:00)\n") in html
    assert html.index("<dt>Time zone</dt>") < html.index('id="programme-title"')


def test_event_page_facts_come_before_the_programme(client):
    workshop = make_event(days=[future(5)], sessions_per_day=1)

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert html.index('<dl class="event-facts">') < html.index('id="programme-title"')


def test_event_page_shows_delivery_mode_platform_and_tentative_dates(client):
    workshop = make_event(
        days=[future(5)],
        delivery_mode=DeliveryMode.VIRTUAL,
        platform="Zoom, through JCLEC’s Online Delivery Model",
        has_tentative_dates=True,
    )

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert "Virtual · Zoom, through JCLEC’s Online Delivery Model" in html
    assert "Dates to be confirmed" in html
    assert f'href="/events/{workshop.slug}.ics"' in html


def test_event_page_without_days_says_dates_are_to_be_announced(client):
    workshop = make_event(days=[])

    html = client.get(f"/events/{workshop.slug}/").content.decode()

    assert "The dates and programme will be announced." in html
    assert ".ics" not in re.sub(r'href="/events\.ics"', "", html)


@pytest.mark.parametrize(
    "fields",
    [{"status": WorkshopStatus.DRAFT}, {"is_public": False}],
    ids=["draft", "not-public"],
)
def test_event_page_of_a_hidden_workshop_is_not_found(client, fields):
    workshop = make_event(days=[future(5)], **fields)

    response = client.get(f"/events/{workshop.slug}/")

    assert response.status_code == 404


def test_event_page_of_an_unknown_slug_is_not_found(client):
    response = client.get("/events/no-such-event/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_event_page_with_three_days_and_twenty_sessions_takes_three_queries(
    client, no_page_cache, django_assert_num_queries
):
    workshop = make_event(
        days=[future(1), future(2), future(4)], sessions_per_day=[7, 7, 6], speakers_per_session=2
    )
    workshop.thematic_areas.add(*ThematicAreaFactory.create_batch(2))
    WorkshopPartnerFactory.create_batch(3, workshop=workshop)
    register(workshop, count=5, status=RegistrationStatus.CONFIRMED)

    client.get(f"/events/{workshop.slug}/")  # reads the states' and agencies' names once

    # the workshop with its country; its thematic areas, partners and the states and
    # agencies it is for; its days, sessions, speakers with organisations.
    with django_assert_num_queries(3):
        response = client.get(f"/events/{workshop.slug}/")

    assert sum(len(day.sessions) for day in response.context["event"].days) == 20


@pytest.mark.parametrize("rows", [5, 50])
def test_event_page_queries_stay_constant(client, no_page_cache, django_assert_num_queries, rows):
    workshop = make_event(
        days=[past(2), past(1)],
        sessions_per_day=rows // 5,
        speakers_per_session=2,
        status=WorkshopStatus.DELIVERED,
    )
    workshop.thematic_areas.add(*ThematicAreaFactory.create_batch(rows // 5))
    workshop.target_member_states.add(*MemberStateFactory.create_batch(rows // 5))
    WorkshopPartnerFactory.create_batch(rows // 5, workshop=workshop)
    register(workshop, count=rows, status=RegistrationStatus.ATTENDED)

    # The first render reads the states' and agencies' names and the people trained.
    client.get(f"/events/{workshop.slug}/")

    # The workshop; its areas, partners, states and agencies; programme.
    with django_assert_num_queries(3):
        response = client.get(f"/events/{workshop.slug}/")

    event = response.context["event"]
    assert event.participant_count == rows
    assert len(event.member_states) >= rows // 5
    assert event.member_states == sorted(event.member_states)
    assert event.agencies == sorted(event.agencies, key=lambda agency: agency["name"])


def test_event_page_counts_again_once_a_roll_call_or_registration_changes(client, no_page_cache):
    workshop = make_event(days=[past(2), past(1)], status=WorkshopStatus.DELIVERED)
    attended = register(workshop, count=2, status=RegistrationStatus.ATTENDED)
    confirmed = register(workshop, count=1, status=RegistrationStatus.CONFIRMED)
    page = f"/events/{workshop.slug}/"
    assert client.get(page).context["event"].participant_count == 2

    AttendanceFactory(
        registration=confirmed[0], day=workshop.days.first(), mark=AttendanceMark.PRESENT
    )
    assert client.get(page).context["event"].participant_count == 3

    attended[0].status = RegistrationStatus.WITHDRAWN
    attended[0].save()
    assert client.get(page).context["event"].participant_count == 2


def test_upcoming_event_page_reads_no_participant(client, no_page_cache, django_assert_num_queries):
    workshop = make_event(days=[future(2)], sessions_per_day=2)
    register(workshop, count=3, status=RegistrationStatus.CONFIRMED)

    client.get(f"/events/{workshop.slug}/")  # reads the states' and agencies' names once

    # Nominees are not public: no statement reads their registrations.
    with django_assert_num_queries(3) as queries:
        client.get(f"/events/{workshop.slug}/")

    assert not any("participants_registration" in query["sql"] for query in queries)


def test_event_page_orders_a_session_without_times_by_its_order(client):
    workshop = make_event(days=[future(1)])
    day = workshop.days.get()
    SessionFactory(day=day, title="Second", order=2, start_time=None, end_time=None)
    SessionFactory(day=day, title="First", order=1, start_time=None, end_time=None)

    response = client.get(f"/events/{workshop.slug}/")

    event = response.context["event"]
    assert [s.title for s in event.days[0].sessions] == ["First", "Second"]
    assert event.has_session_times is False


def test_event_list_card_links_to_the_event(client):
    workshop = WorkshopFactory(title="Linked event")
    WorkshopDayFactory(workshop=workshop, held_on=future(3))

    html = client.get("/events/").content.decode()

    assert f'<a href="/events/{workshop.slug}/">Linked event</a>' in html


def test_day_without_sessions_is_announced_before_and_reported_after(client):
    upcoming = make_event(days=[future(10)], slug="coming")
    delivered = make_event(days=[past(10)], slug="done", status=WorkshopStatus.DELIVERED)

    before = client.get(upcoming.get_absolute_url()).content.decode()
    after = client.get(delivered.get_absolute_url()).content.decode()

    assert "The programme of this day will be published soon." in before
    assert "No programme was published for this day." not in before
    assert "No programme was published for this day." in after
    assert "The programme of this day will be published soon." not in after


def test_delivered_event_counts_who_attended_a_day_as_the_reports_do(client):
    """Before a trainer confirms completion, a roll call already makes someone trained:
    the event's page and the reports must give the same figure."""
    day = past(3)
    workshop = make_event(days=[day], status=WorkshopStatus.DELIVERED)
    indonesia = MemberStateFactory(name="Indonesia")
    (registration,) = register(
        workshop, status=RegistrationStatus.CONFIRMED, member_state=indonesia
    )
    register(workshop, status=RegistrationStatus.CONFIRMED)  # on the list, never came
    AttendanceFactory(
        registration=registration, day=workshop.days.get(), mark=AttendanceMark.PRESENT
    )

    event = client.get(f"/events/{workshop.slug}/").context["event"]

    assert event.participant_count == 1
    assert "Indonesia" in event.member_states
    trained = headline_figures(start=day, end=day).people_trained
    assert trained == event.participant_count


# Cover images -----------------------------------------------------------------------

COVER = "workshops/covers/3f2a.jpg"  # a stored name: the pages never open the file


def img_tags(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<img class="[^"]*\b{css_class}\b[^"]*"[^>]*>', html)


def test_event_card_shows_its_cover_image_lazily_in_a_reserved_box(client):
    make_event(
        days=[future(3)],
        title="With a cover",
        cover_image=COVER,
        cover_image_alt="Officers at a land border crossing",
    )
    make_event(days=[future(4)], title="Without a cover")

    html = client.get("/events/").content.decode()

    assert img_tags(html, "event-card-cover") == [
        '<img class="event-card-cover object-fit-cover" src="/media/workshops/covers/3f2a.jpg" '
        'width="640" height="360" loading="lazy" decoding="async" '
        'alt="Officers at a land border crossing">'
    ]


def test_home_page_card_shows_the_cover_image_too(client):
    make_event(days=[future(3)], cover_image=COVER, cover_image_alt="A training room")

    html = client.get("/").content.decode()

    assert len(img_tags(html, "event-card-cover")) == 1


def test_event_page_shows_its_cover_image_with_its_description(client):
    workshop = make_event(
        days=[future(3)], cover_image=COVER, cover_image_alt="A training room in Bangkok"
    )

    html = client.get(workshop.get_absolute_url()).content.decode()

    # At the top of the page: loaded at once, not lazily.
    assert img_tags(html, "event-cover") == [
        '<img class="event-cover object-fit-cover" src="/media/workshops/covers/3f2a.jpg" '
        'width="1200" height="500" alt="A training room in Bangkok">'
    ]
    assert (
        '<meta property="og:image" content="http://testserver/media/workshops/covers/3f2a.jpg">'
        in html
    )
    assert '<meta property="og:image:alt" content="A training room in Bangkok">' in html


def test_event_page_without_a_cover_image_has_no_image(client):
    workshop = make_event(days=[future(3)])

    html = client.get(workshop.get_absolute_url()).content.decode()

    assert (img_tags(html, "event-cover"), 'property="og:image"' in html) == ([], False)


@pytest.mark.parametrize("rows", [1, 3])
def test_event_list_with_cover_images_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    for n in range(rows):
        make_event(days=[future(n + 1)], cover_image=f"workshops/covers/{n}.jpg")

    # As without covers: the names come with the cards' rows, no file is opened.
    with django_assert_num_queries(7):
        response = client.get("/events/")

    assert [card.cover_url for card in response.context["events"]] == [
        f"/media/workshops/covers/{n}.jpg" for n in range(rows)
    ]


def test_filter_choices_are_kept_per_language_until_a_member_state_or_area_changes(client):
    MemberStateFactory(name="Thailand", name_th="ประเทศไทย")
    client.get("/events/")
    client.get("/th/events/")

    MemberStateFactory(name="Timor-Leste")
    ThematicAreaFactory(name="Document fraud")
    english = client.get("/events/").content.decode()
    thai = client.get("/th/events/").content.decode()

    assert "Timor-Leste" in english
    assert "Document fraud" in english
    assert "ประเทศไทย" in thai
    assert "ประเทศไทย" not in english


def test_event_page_lists_areas_by_their_name_in_the_page_language_and_partners_by_name(
    client,
):
    workshop = make_event(days=[future(5)])
    workshop.thematic_areas.add(
        ThematicAreaFactory(name="Trafficking in persons", name_th="การค้ามนุษย์"),
        ThematicAreaFactory(name="Border management", name_th="การจัดการชายแดน"),
    )
    for name in ("Zeta Institute", "Alpha Academy"):
        WorkshopPartnerFactory(
            workshop=workshop, role=PartnerRole.FUNDER, organisation=OrganisationFactory(name=name)
        )
    workshop.target_member_states.add(MemberStateFactory(name="Viet Nam"))

    english = client.get(f"/events/{workshop.slug}/").context["event"]
    thai = client.get(f"/th/events/{workshop.slug}/").context["event"]

    assert [area["name"] for area in english.thematic_areas] == [
        "Border management",
        "Trafficking in persons",
    ]
    assert [area["name"] for area in thai.thematic_areas] == ["การค้ามนุษย์", "การจัดการชายแดน"]
    assert [o.name for _, orgs in english.partners_by_role for o in orgs] == [
        "Alpha Academy",
        "Zeta Institute",
    ]
    assert english.member_states == ["Viet Nam"]
