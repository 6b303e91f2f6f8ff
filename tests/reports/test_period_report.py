import pytest

from reports.queries import (
    BREAKDOWNS_BY_SLUG,
    HeadlineFigures,
    breakdown,
    headline_figures,
    period_report,
)

from .conftest import PERIOD

pytestmark = pytest.mark.django_db


def rows(slug):
    result = breakdown(kind=BREAKDOWNS_BY_SLUG[slug], start=PERIOD[0], end=PERIOD[1])
    return [(row.label, row.value) for row in result.rows]


def test_headline_figures_for_the_period_match_the_hand_count(known_data):
    assert headline_figures(start=PERIOD[0], end=PERIOD[1]) == HeadlineFigures(
        people_trained=4, events_delivered=3, publications_published=1
    )


def test_headline_figures_for_all_time_leave_out_cancelled_and_withdrawn(known_data):
    # The November guest counts now; the cancelled workshop's and withdrawn never.
    assert headline_figures() == HeadlineFigures(
        people_trained=5, events_delivered=4, publications_published=2
    )


def test_breakdown_by_member_state_puts_a_person_without_one_last(known_data):
    assert rows("member-state") == [("Thailand", 2), ("Indonesia", 1), ("Not recorded", 1)]


def test_breakdown_by_agency_counts_a_person_trained_twice_once(known_data):
    assert rows("agency") == [
        ("Royal Thai Police", 2),
        ("Indonesian National Police", 1),
        ("Not recorded", 1),
    ]


def test_breakdown_by_gender_names_the_choices(known_data):
    assert rows("gender") == [("Female", 2), ("Male", 1), ("Prefers not to say", 1)]


def test_breakdown_by_kind_counts_a_person_once_per_kind(known_data):
    assert rows("kind") == [("Course", 2), ("Workshop", 2), ("Forum", 1)]


def test_breakdown_by_thematic_area_counts_a_person_once_per_area(known_data):
    assert rows("thematic-area") == [
        ("People smuggling", 3),
        ("Trafficking in persons", 2),
        ("Not recorded", 1),
    ]


def test_breakdown_by_delivery_mode_names_the_choices(known_data):
    assert rows("delivery-mode") == [("In person", 2), ("Virtual", 2), ("Hybrid", 1)]


def test_breakdown_of_events_by_kind_leaves_out_the_cancelled_and_later_ones(known_data):
    assert rows("events-kind") == [("Course", 1), ("Forum", 1), ("Workshop", 1)]


def test_breakdown_of_events_by_thematic_area_counts_each_event_once(known_data):
    assert rows("events-thematic-area") == [
        ("People smuggling", 2),
        ("Trafficking in persons", 1),
        ("Not recorded", 1),
    ]


def test_period_report_bars_are_scaled_to_the_largest_group(known_data):
    report = period_report(start=PERIOD[0], end=PERIOD[1])

    member_states = report.breakdowns[0]
    assert [row.share for row in member_states.rows] == [1.0, 0.5, 0.5]


def test_period_report_breakdowns_equal_each_breakdown_on_its_own(known_data):
    report = period_report(start=PERIOD[0], end=PERIOD[1])

    assert report.breakdowns == [
        breakdown(kind=item.kind, start=PERIOD[0], end=PERIOD[1]) for item in report.breakdowns
    ]


@pytest.mark.parametrize("period", [PERIOD, (None, None)])
def test_period_report_figures_equal_the_headline_figures(known_data, period):
    # period_report() takes its totals from its breakdowns' statements: they must be
    # the figures the home page and the newsletter print.
    report = period_report(start=period[0], end=period[1])

    assert report.figures == headline_figures(start=period[0], end=period[1])
    assert report.breakdowns == [
        breakdown(kind=item.kind, start=period[0], end=period[1]) for item in report.breakdowns
    ]
