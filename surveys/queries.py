"""Reads of the surveys: the invitation behind a link, and the results.

Results are aggregated by the database (GROUP BY) in a fixed number of statements,
whatever the number of responses. They never follow a response to its invitation's
participant except to group by member state, and then only counts and means leave
the query: no results page can put a name beside an answer. Free-text answers come
sorted by their text, not by time, so their order tells nothing of who sent which.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext

from core.admin_utils import count_of

from .choices import NUMERIC_KINDS, RATING_VALUES, QuestionKind, SurveyKind
from .models import Answer, Invitation, Question, Response, WorkshopSurvey


def invitation_for_token(token: str) -> Invitation:
    """The invitation of a link's token with its survey, template and workshop, and
    `is_answered`; Invitation.DoesNotExist for an unknown (or altered) token."""
    return (
        Invitation.objects.select_related("survey__workshop", "survey__template")
        .annotate(is_answered=Exists(Response.objects.filter(invitation=OuterRef("pk"))))
        .get(token=token)
    )


def survey_questions(template) -> list[Question]:
    """The template's questions in order, with their choices (two statements)."""
    return list(Question.objects.filter(template=template).prefetch_related("choices"))


def surveys_of_workshop(workshop) -> list[WorkshopSurvey]:
    """The workshop's surveys (evaluation first), with their response counts."""
    return list(
        WorkshopSurvey.objects.filter(workshop=workshop)
        .annotate(
            invited=count_of(Invitation.objects.all(), "survey"),
            responded=count_of(Response.objects.all(), "survey"),
        )
        .order_by("kind")
    )


def workshop_survey(workshop, kind: str) -> WorkshopSurvey:
    """The workshop's survey of `kind`; WorkshopSurvey.DoesNotExist when it has none."""
    return WorkshopSurvey.objects.select_related("workshop", "template").get(
        workshop=workshop, kind=kind
    )


# --- Results of one survey -----------------------------------------------------------------


@dataclass
class Bar:
    label: str
    count: int
    share: float  # of the question's respondents, 0–1


@dataclass
class QuestionResult:
    question: Question
    label: str
    respondents: int = 0
    mean: float | None = None
    bars: list[Bar] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def mean_text(self) -> str:
        """The mean as staff read it: "4.2 / 5", or "75 % yes"; "" without answers."""
        if self.mean is None:
            return ""
        if self.kind == QuestionKind.YES_NO:
            return f"{self.mean * 100:.0f} %"
        return f"{self.mean:.2f}"


@dataclass
class SurveyResults:
    survey: WorkshopSurvey
    invited: int
    responded: int
    questions: list[QuestionResult]

    @property
    def response_rate(self) -> float:
        return self.responded / self.invited if self.invited else 0.0


def _numeric_bars(kind, counts: dict) -> list[Bar]:
    """Bars of a rating (every value 1–5, also those nobody chose) or a yes/no."""
    if kind == QuestionKind.RATING:
        values = [(str(value), value) for value in RATING_VALUES]
    else:
        values = [(gettext("Yes"), 1), (gettext("No"), 0)]
    total = sum(counts.get(value, 0) for _label, value in values)
    return [
        Bar(
            label=label,
            count=counts.get(value, 0),
            share=counts.get(value, 0) / total if total else 0,
        )
        for label, value in values
    ]


def _mean(counts: dict) -> float | None:
    total = sum(counts.values())
    if not total:
        return None
    return sum(value * n for value, n in counts.items()) / total


def survey_results(survey: WorkshopSurvey) -> SurveyResults:
    """Response rate, and for each question its respondents, mean and distribution
    (or its free-text answers), in six statements whatever the number of responses.
    `survey` comes with its template (workshop_survey())."""
    questions = survey_questions(survey.template)
    totals = Invitation.objects.filter(survey=survey).aggregate(
        invited=Count("pk"), responded=Count("responses")
    )
    answers = Answer.objects.filter(response__survey=survey)
    # (question, number, choice) → how many answers.
    distribution = defaultdict(dict)
    for row in (
        answers.exclude(question__kind=QuestionKind.TEXT)
        .values("question_id", "number", "choice_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = row["choice_id"] if row["choice_id"] is not None else row["number"]
        distribution[row["question_id"]][key] = row["n"]
    respondents = dict(
        answers.values("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
        .values_list("question_id", "n")
    )
    texts = defaultdict(list)
    for question_id, text in (
        answers.filter(question__kind=QuestionKind.TEXT)
        .exclude(text="")
        .order_by("question_id", Lower("text"), "text")
        .values_list("question_id", "text")
    ):
        texts[question_id].append(text)

    results = []
    for question in questions:
        counts = distribution.get(question.pk, {})
        result = QuestionResult(
            question=question,
            label=question.localized_text,
            respondents=respondents.get(question.pk, 0),
            texts=texts.get(question.pk, []),
        )
        if question.kind in NUMERIC_KINDS:
            result.mean = _mean(counts)
            result.bars = _numeric_bars(question.kind, counts)
        elif question.kind != QuestionKind.TEXT:
            total = result.respondents
            result.bars = [
                Bar(
                    label=choice.localized_label,
                    count=counts.get(choice.pk, 0),
                    share=counts.get(choice.pk, 0) / total if total else 0,
                )
                for choice in question.choices.all()
            ]
        results.append(result)
    return SurveyResults(
        survey=survey,
        invited=totals["invited"],
        responded=totals["responded"],
        questions=results,
    )


# --- Evaluation results across workshops -------------------------------------------------

# Where a response's group is, from an Answer and from an Invitation.
GROUPS = {
    "": ("", ""),
    "thematic_area": (
        "response__survey__workshop__thematic_areas__name",
        "survey__workshop__thematic_areas__name",
    ),
    "member_state": (
        "response__invitation__registration__participant__member_state__name",
        "registration__participant__member_state__name",
    ),
}
NO_GROUP_LABEL = {
    "": "All workshops",
    "thematic_area": "No thematic area",
    "member_state": "No member state",
}


# Below this many respondents a group would show one or two people's ratings, whom
# staff could tell apart by their state or their workshop's area: such groups are
# read together, and if even together they are this few, their ratings are not shown.
MIN_GROUP_RESPONDENTS = 3
SMALL_GROUPS_LABEL = "Groups of fewer than 3 respondents, together"


@dataclass
class SharedQuestion:
    key: str
    kind: str
    label: str


@dataclass
class GroupResult:
    label: str
    invited: int = 0
    responded: int = 0
    # key → QuestionResult (respondents, mean, bars)
    questions: dict = field(default_factory=dict)

    @property
    def response_rate(self) -> float:
        return self.responded / self.invited if self.invited else 0.0


@dataclass
class AcrossResults:
    start: dt.date
    end: dt.date
    breakdown: str
    questions: list[SharedQuestion]
    groups: list[GroupResult]


def evaluation_results_across(
    *, start: dt.date, end: dt.date, breakdown: str = ""
) -> AcrossResults:
    """The evaluation questions with a rating or yes/no that templates share (by key)
    and that were answered, over the workshops whose last day is in [start, end],
    overall or by the workshop's thematic area or the respondent's member state;
    three statements. A key's wording is the default template's.

    A workshop with several thematic areas counts in each of them."""
    answer_group, invitation_group = GROUPS[breakdown]
    questions = {}
    for row in (
        Question.objects.filter(template__kind=SurveyKind.EVALUATION, kind__in=NUMERIC_KINDS)
        .order_by("-template__is_default", "template_id", "order", "pk")
        .values("key", "kind", "text")
    ):
        # The default template's wording (it comes first) names a shared key.
        questions.setdefault((row["key"], row["kind"]), row["text"])
    in_period = Q(survey__kind=SurveyKind.EVALUATION, survey__workshop__ends_on__range=(start, end))

    invitation_fields = [invitation_group] if invitation_group else []
    groups = {}

    def group(label):
        label = label or NO_GROUP_LABEL[breakdown]
        return groups.setdefault(label, GroupResult(label=label))

    for row in (
        Invitation.objects.filter(in_period)
        .values(*invitation_fields)
        .annotate(invited=Count("pk"), responded=Count("responses"))
        .order_by()
    ):
        result = group(row.get(invitation_group))
        result.invited += row["invited"]
        result.responded += row["responded"]

    answer_fields = [answer_group] if answer_group else []
    counts = defaultdict(lambda: defaultdict(dict))
    for row in (
        Answer.objects.filter(
            Q(response__survey__kind=SurveyKind.EVALUATION),
            response__survey__workshop__ends_on__range=(start, end),
            question__kind__in=NUMERIC_KINDS,
            number__isnull=False,
        )
        .values(*answer_fields, "question__key", "question__kind", "number")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        label = group(row.get(answer_group)).label
        values = counts[label][(row["question__key"], row["question__kind"])]
        values[row["number"]] = values.get(row["number"], 0) + row["n"]

    if breakdown:
        _merge_small_groups(groups, counts)

    # Only the questions answered in the period: a key of an unused template is noise.
    answered = {pair for by_question in counts.values() for pair in by_question}
    shared = [
        SharedQuestion(key=key, kind=kind, label=label)
        for (key, kind), label in questions.items()
        if (key, kind) in answered
    ]
    for result in groups.values():
        for question in shared:
            values = counts[result.label].get((question.key, question.kind), {})
            result.questions[question.key] = QuestionResult(
                question=Question(key=question.key, kind=question.kind, text=question.label),
                label=question.label,
                respondents=sum(values.values()),
                mean=_mean(values),
                bars=_numeric_bars(question.kind, values),
            )
    last = {NO_GROUP_LABEL[breakdown], SMALL_GROUPS_LABEL}
    ordered = sorted(groups.values(), key=lambda g: (g.label in last, g.label))
    return AcrossResults(
        start=start, end=end, breakdown=breakdown, questions=shared, groups=ordered
    )


def _merge_small_groups(groups: dict, counts: dict) -> None:
    """Fold the groups with fewer than MIN_GROUP_RESPONDENTS respondents into one
    (SMALL_GROUPS_LABEL), in place; drop its ratings if it is still that small."""
    small = [label for label, group in groups.items() if group.responded < MIN_GROUP_RESPONDENTS]
    if not small:
        return
    merged = GroupResult(label=SMALL_GROUPS_LABEL)
    merged_counts = defaultdict(dict)
    for label in small:
        group = groups.pop(label)
        merged.invited += group.invited
        merged.responded += group.responded
        for pair, values in counts.pop(label, {}).items():
            for number, n in values.items():
                merged_counts[pair][number] = merged_counts[pair].get(number, 0) + n
    groups[SMALL_GROUPS_LABEL] = merged
    if merged.responded >= MIN_GROUP_RESPONDENTS:
        counts[SMALL_GROUPS_LABEL] = merged_counts
