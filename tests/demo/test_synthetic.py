"""load_demo --synthetic N: bulk workshops for load tests."""

import pytest
from django.core.management.base import CommandError
from django.db.models import Count, F, Max, Min, Q

from participants.models import Attendance, Participant
from publications import queries
from publications.models import NewsArticle
from tests.conftest import requires_postgres
from workshops.models import Session, Workshop

pytestmark = pytest.mark.django_db


def _synthetic_workshops():
    return Workshop.objects.filter(slug__startswith="synthetic-workshop-").order_by("slug")


def test_synthetic_adds_workshops_with_days_sessions_and_registrations(run_load_demo):
    run_load_demo()
    workshops, articles = Workshop.objects.count(), NewsArticle.objects.count()

    output = run_load_demo("--synthetic", "5")

    assert Workshop.objects.count() - workshops == 5
    assert NewsArticle.objects.count() - articles == 10
    shapes = _synthetic_workshops().annotate(
        n_days=Count("days", distinct=True),
        n_sessions=Count("sessions", distinct=True),
        n_registrations=Count("registrations", distinct=True),
        n_partners=Count("partners", distinct=True),
        n_speakers=Count("sessions__speakers", distinct=True),
        n_articles=Count("news_articles", distinct=True),
    )
    assert [
        (
            w.title,
            w.n_days,
            w.n_sessions,
            w.n_registrations,
            w.n_partners,
            w.n_speakers,
            w.n_articles,
        )
        for w in shapes
    ] == [(f"Synthetic workshop {n:04d}", 3, 20, 25, 2, 3, 2) for n in range(1, 6)]
    assert output.splitlines()[-1] == (
        "Synthetic data: created 5 workshops and 10 news articles; 0 synthetic workshops "
        "were already there."
    )


def test_synthetic_workshops_have_attendance_for_each_day(run_load_demo):
    run_load_demo("--synthetic", "2")
    attendance = Attendance.objects.filter(registration__workshop__in=_synthetic_workshops())

    assert attendance.count() == 2 * 25 * 3
    # The 3 of 25 who only attended missed the last day.
    assert attendance.filter(mark="absent").count() == 2 * 3
    assert (
        attendance.exclude(day__workshop=F("registration__workshop")).count(),
        attendance.values("registration", "day").distinct().count(),
    ) == (0, 150)


def test_synthetic_rows_keep_the_model_rules(run_load_demo):
    run_load_demo("--synthetic", "3")
    workshops = _synthetic_workshops().annotate(
        first=Min("days__held_on"), last=Max("days__held_on")
    )
    sessions = Session.objects.filter(workshop__in=workshops)

    assert [(w.starts_on, w.ends_on) == (w.first, w.last) for w in workshops] == [True] * 3
    assert set(workshops.values_list("status", flat=True)) == {"delivered"}
    assert sessions.exclude(workshop=F("day__workshop")).count() == 0
    assert sessions.filter(Q(start_time=None) | Q(end_time__lte=F("start_time"))).count() == 0


def test_synthetic_rerun_adds_nothing_and_a_larger_n_adds_the_difference(run_load_demo):
    run_load_demo("--synthetic", "3")
    counts = (Workshop.objects.count(), NewsArticle.objects.count(), Participant.objects.count())

    run_load_demo("--synthetic", "3")
    assert (
        Workshop.objects.count(),
        NewsArticle.objects.count(),
        Participant.objects.count(),
    ) == counts

    output = run_load_demo("--synthetic", "5")
    assert list(_synthetic_workshops().values_list("slug", flat=True)) == [
        f"synthetic-workshop-{n:04d}" for n in range(1, 6)
    ]
    assert NewsArticle.objects.filter(slug__startswith="synthetic-").count() == 10
    assert output.splitlines()[-1] == (
        "Synthetic data: created 2 workshops and 4 news articles; 3 synthetic workshops "
        "were already there."
    )


def test_synthetic_rejects_a_negative_count(run_load_demo):
    with pytest.raises(CommandError, match="--synthetic takes a number of workshops"):
        run_load_demo("--synthetic", "-1")


def test_every_participant_email_is_on_a_reserved_domain(run_load_demo):
    run_load_demo("--synthetic", "2")
    emails = list(Participant.objects.values_list("email", flat=True))

    assert len(emails) == 285 + 50
    assert [e for e in emails if not e.endswith(("@example.org", "@example.invalid"))] == []


@requires_postgres
def test_synthetic_and_seeded_articles_are_found_by_search(run_load_demo):
    run_load_demo("--synthetic", "2")

    assert not NewsArticle.objects.filter(search_vector__isnull=True).exists()
    found = queries.news_listing(search="generated")
    assert sorted(row["slug"] for row in found) == [
        f"synthetic-news-article-{n:04d}" for n in range(1, 5)
    ]
