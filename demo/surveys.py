"""Demo evaluation answers for the delivered seed workshops, so that the results pages
(admin, trainers' area) have something to show in `make run`, and one open invitation
whose link load_demo prints, so that a newcomer can answer a survey.

Every answer is made up (the free texts say so) and the same on every machine: each
participant's answers come from a random generator seeded with the workshop and the
participant's demo address. Invitations are made directly, without emails: the seeds'
workshops are long over, and `make run` would print hundreds of emails. Running it
again changes nothing; invitations made for registrations added since get no answers.
"""

import datetime as dt
import random
from collections import Counter

from django.utils import timezone

from surveys.choices import QuestionKind, SurveyKind
from surveys.models import (
    INVITATION_DAYS,
    Answer,
    Invitation,
    Question,
    Response,
    SurveyTemplate,
    WorkshopSurvey,
)
from surveys.services import default_send_at, invitable_registrations
from workshops.choices import WorkshopStatus
from workshops.models import Workshop

# The share of invited demo participants who answered.
RESPONSE_RATE = 0.7
RATING_WEIGHTS = {1: 1, 2: 2, 3: 6, 4: 12, 5: 9}
DEMO_TEXTS = [
    "(Demo answer) More time for the case studies, please.",
    "(Demo answer) The session on document examination was the most useful.",
    "(Demo answer) Interpretation worked well; the slides could be shared earlier.",
    "(Demo answer) A follow-up session on victim identification would help us.",
    "(Demo answer) Breakout groups by country made the exchange easier.",
    "(Demo answer) Shorter days would suit the time difference better.",
]


class SurveyTally(Counter):
    def summary_lines(self, open_invitation_url: str | None) -> list[str]:
        if sum(self.values()):
            lines = [
                f"Survey demo: {self['surveys']} evaluation surveys, {self['invitations']} "
                f"invitations, {self['responses']} responses."
            ]
        else:
            lines = ["Survey demo: already loaded, nothing changed."]
        if open_invitation_url:
            lines.append(f"  answer a survey as a demo participant: {open_invitation_url}")
        return lines


def _answers(rng, response, questions) -> list[Answer]:
    rows = []
    for question in questions:
        if not question.is_required and rng.random() < 0.4:
            continue
        base = {"response": response, "question": question}
        match question.kind:
            case QuestionKind.RATING:
                value = rng.choices(list(RATING_WEIGHTS), weights=RATING_WEIGHTS.values())[0]
                rows.append(Answer(**base, number=value))
            case QuestionKind.YES_NO:
                rows.append(Answer(**base, number=int(rng.random() < 0.85)))
            case QuestionKind.SINGLE:
                choices = list(question.choices.all())
                weights = list(range(len(choices), 0, -1))
                rows.append(Answer(**base, choice=rng.choices(choices, weights=weights)[0]))
            case QuestionKind.MULTIPLE:
                choices = list(question.choices.all())
                picked = rng.sample(choices, k=rng.randint(1, min(2, len(choices))))
                rows += [Answer(**base, choice=choice) for choice in picked]
            case _:
                rows.append(Answer(**base, text=rng.choice(DEMO_TEXTS)))
    return rows


def load_survey_demo(*, now: dt.datetime | None = None):
    """Make the evaluation surveys, invitations and answers of the delivered seed
    workshops (those missing), and make sure one invitation is open; return
    (tally, the open invitation or None)."""
    now = now or timezone.now()
    tally = SurveyTally()
    template = SurveyTemplate.objects.filter(kind=SurveyKind.EVALUATION, is_default=True).first()
    if template is None:
        return tally, None
    questions = list(Question.objects.filter(template=template).prefetch_related("choices"))
    workshops = list(
        Workshop.objects.filter(
            status=WorkshopStatus.DELIVERED, ends_on__lt=timezone.localdate(now)
        ).order_by("starts_on", "pk")
    )
    surveys = {
        s.workshop_id: s
        for s in WorkshopSurvey.objects.filter(workshop__in=workshops, kind=SurveyKind.EVALUATION)
    }
    for workshop in workshops:
        sent_at = default_send_at(workshop=workshop, kind=SurveyKind.EVALUATION)
        survey = surveys.get(workshop.pk)
        if survey is None:
            survey = WorkshopSurvey.objects.create(
                workshop=workshop, kind=SurveyKind.EVALUATION, template=template, opened_at=sent_at
            )
            tally["surveys"] += 1
        registrations = list(
            invitable_registrations(workshop)
            .exclude(survey_invitations__survey=survey)
            .select_related("participant")
            .order_by("pk")
        )
        if not registrations:
            continue
        Invitation.objects.bulk_create(
            Invitation(
                survey=survey,
                registration=registration,
                language=registration.participant.preferred_language,
                created_at=sent_at,
                expires_at=sent_at + dt.timedelta(days=INVITATION_DAYS),
            )
            for registration in registrations
        )
        made = list(
            survey.invitations.filter(registration__in=registrations).select_related(
                "registration__participant"
            )
        )
        tally["invitations"] += len(made)
        answers = []
        for invitation in made:
            seed = f"{workshop.slug}:{invitation.registration.participant.email}"
            rng = random.Random(seed)  # noqa: S311 (made-up answers, not security)
            if rng.random() >= RESPONSE_RATE:
                continue
            response = Response.objects.create(
                invitation=invitation,
                survey=survey,
                language=invitation.language,
                submitted_at=sent_at + dt.timedelta(hours=rng.randint(1, 24 * 10)),
            )
            answers += _answers(rng, response, questions)
            tally["responses"] += 1
        Answer.objects.bulk_create(answers)
    return tally, _open_invitation(workshops, now) if workshops else None


def _open_invitation(workshops, now):
    """The first unanswered invitation of the latest workshop that has one, open from
    now for the usual 60 days: the demo's answerable link. Left as it is while open;
    opened again (its time moved) once expired, so that the printed link works."""
    unanswered = Invitation.objects.filter(
        survey__workshop__in=workshops,
        survey__kind=SurveyKind.EVALUATION,
        responses__isnull=True,
    ).order_by("-survey__workshop__ends_on", "pk")
    # In English if one is, for a newcomer to read; the page offers the other languages.
    invitation = unanswered.filter(language="en").first() or unanswered.first()
    if invitation is not None and invitation.is_expired(now):
        invitation.created_at = now
        invitation.expires_at = now + dt.timedelta(days=INVITATION_DAYS)
        invitation.save(update_fields=["created_at", "expires_at"])
    return invitation
