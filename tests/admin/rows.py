"""Realistic rows for every model of the admin, so that every column has something to show.

`make_rows(Model, n)` creates exactly n rows of Model, each with the related rows its
changelist displays or counts (days, sessions, speakers, partners, target states,
registrations, files...), so that a query per row would show up in a count.
"""

import datetime as dt

from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from notifications.services import schedule_notification
from participants.choices import RegistrationStatus
from participants.models import Attendance, Participant, Registration, Testimonial
from publications.models import (
    NewsArticle,
    NewsletterFigure,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
    PublicationSeries,
)
from surveys.models import Question, SurveyTemplate, WorkshopSurvey
from tests.factories.notifications import NotificationFactory
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
    PublicationSeriesFactory,
)
from tests.factories.surveys import (
    ChoiceFactory,
    InvitationFactory,
    QuestionFactory,
    ResponseFactory,
    SurveyTemplateFactory,
    WorkshopSurveyFactory,
)
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    SessionFactory,
    SpeakerFactory,
    ThematicAreaFactory,
    TrainerAssignmentFactory,
    TrainingRequestFactory,
    UserFactory,
    WorkshopDayFactory,
    WorkshopFactory,
    WorkshopPartnerFactory,
)
from workshops.models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    TrainerAssignment,
    TrainingRequest,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)
from workshops.services import refresh_workshop_dates


def complete_workshop(**kwargs):
    """A workshop as staff schedule it: days, sessions with speakers, partners, audience."""
    workshop = WorkshopFactory(capacity=30, **kwargs)
    first, second = WorkshopDayFactory.create_batch(2, workshop=workshop)
    speakers = SpeakerFactory.create_batch(2)
    for day in (first, second):
        SessionFactory(day=day).speakers.set(speakers)
    for role in ("co_host", "funder"):
        WorkshopPartnerFactory(workshop=workshop, role=role)
    workshop.target_member_states.set(MemberStateFactory.create_batch(2))
    workshop.thematic_areas.set([ThematicAreaFactory()])
    RegistrationFactory.create_batch(2, workshop=workshop)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.WITHDRAWN)
    return refresh_workshop_dates(workshop=workshop)


def _member_states(n):
    for state in MemberStateFactory.create_batch(n):
        agency = OrganisationFactory(member_state=state)
        ParticipantFactory(member_state=state, agency=agency)


def _thematic_areas(n):
    for area in ThematicAreaFactory.create_batch(n):
        WorkshopFactory().thematic_areas.add(area)


def _speakers(n):
    for speaker in SpeakerFactory.create_batch(n):
        SessionFactory().speakers.add(speaker)


def _workshop_days(n):
    for day in WorkshopDayFactory.create_batch(n):
        SessionFactory(day=day)


def _sessions(n):
    for session in SessionFactory.create_batch(n):
        session.speakers.set(SpeakerFactory.create_batch(2))


def _participants(n):
    for participant in ParticipantFactory.create_batch(n):
        RegistrationFactory.create_batch(2, participant=participant)


def _attendance(n):
    AttendanceFactory.create_batch(n, recorded_by=UserFactory())


def _publication_series(n):
    for series in PublicationSeriesFactory.create_batch(n):
        PublicationFactory(series=series)


def _publications(n):
    for publication in PublicationFactory.create_batch(n, series=PublicationSeriesFactory()):
        PublicationFileFactory(publication=publication, language="en")
        PublicationFileFactory(publication=publication, language="id")
        publication.thematic_areas.set([ThematicAreaFactory()])


def _news_articles(n):
    for article in NewsArticleFactory.create_batch(n):
        article.thematic_areas.set(ThematicAreaFactory.create_batch(2))
        article.related_workshops.set([WorkshopFactory()])


def _notifications(n):
    # Half about registrations of one workshop (the changelist shows its workshop),
    # half about training requests (a generic target), some failed with an error.
    workshop = WorkshopFactory()
    for index in range(n):
        if index % 2:
            schedule_notification(
                kind=NotificationKind.TRAINING_REQUEST,
                target=TrainingRequestFactory(),
                recipient="training@rso.example",
                language="en",
            )
        else:
            NotificationFactory(
                registration__workshop=workshop,
                state=NotificationState.FAILED,
                attempts=8,
                last_error="SMTPDataError: 451 4.3.0 Busy, try again later",
            )


def _newsletter_issues(n):
    for issue in NewsletterIssueFactory.create_batch(n):
        NewsletterFigureFactory.create_batch(2, issue=issue)
        NewsletterSectionFactory.create_batch(2, issue=issue)


def _newsletter_sections(n):
    for section in NewsletterSectionFactory.create_batch(n):
        section.related_workshops.set(WorkshopFactory.create_batch(2))


def _without_shipped_templates():
    # The data migration's two templates would count as rows of these changelists.
    SurveyTemplate.objects.filter(surveys__isnull=True, is_default=True).delete()


def _survey_templates(n):
    _without_shipped_templates()
    for template in SurveyTemplateFactory.create_batch(n):
        QuestionFactory.create_batch(2, template=template)


def _questions(n):
    _without_shipped_templates()
    for question in QuestionFactory.create_batch(n, kind="single"):
        ChoiceFactory.create_batch(2, question=question)


def _workshop_surveys(n):
    for survey in WorkshopSurveyFactory.create_batch(n):
        InvitationFactory.create_batch(2, survey=survey)
        ResponseFactory(invitation=InvitationFactory(survey=survey), survey=survey)


MAKERS = {
    MemberState: _member_states,
    Organisation: lambda n: OrganisationFactory.create_batch(n),
    ThematicArea: _thematic_areas,
    Speaker: _speakers,
    Workshop: lambda n: [complete_workshop() for _ in range(n)],
    WorkshopDay: _workshop_days,
    Session: _sessions,
    WorkshopPartner: lambda n: WorkshopPartnerFactory.create_batch(n),
    TrainerAssignment: lambda n: TrainerAssignmentFactory.create_batch(n),
    Participant: _participants,
    Registration: lambda n: RegistrationFactory.create_batch(n),
    Attendance: _attendance,
    Testimonial: lambda n: TestimonialFactory.create_batch(n),
    PublicationSeries: _publication_series,
    Publication: _publications,
    PublicationFile: lambda n: PublicationFileFactory.create_batch(n),
    NewsArticle: _news_articles,
    NewsletterIssue: _newsletter_issues,
    NewsletterFigure: lambda n: NewsletterFigureFactory.create_batch(n),
    NewsletterSection: _newsletter_sections,
    TrainingRequest: lambda n: TrainingRequestFactory.create_batch(n),
    Notification: _notifications,
    SurveyTemplate: _survey_templates,
    Question: _questions,
    WorkshopSurvey: _workshop_surveys,
}


def make_rows(model, n):
    MAKERS[model](n)


def one(model):
    """One row of `model` for the page tests."""
    make_rows(model, 1)
    return model._default_manager.order_by("-pk").first()


# The dates of the scheduling tests: two days, not consecutive, as in the seeds'
# “Monday 18 and Wednesday 20 July”.
MONDAY = dt.date(2022, 7, 18)
WEDNESDAY = dt.date(2022, 7, 20)
