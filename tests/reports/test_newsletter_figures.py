import pytest
from django.core.exceptions import ValidationError

from publications.choices import FigureMeasure
from publications.models import NewsletterFigure
from reports.services import refresh_newsletter_figures
from tests.admin.forms import resubmit
from tests.factories.publications import NewsletterFigureFactory, NewsletterIssueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(known_data):
    """An issue for the period of known_data: 4 people trained, 3 events, 1 publication."""
    issue = NewsletterIssueFactory()
    NewsletterFigureFactory(
        issue=issue,
        value=313,
        label="people trained",
        measure=FigureMeasure.PEOPLE_TRAINED,
        order=1,
    )
    NewsletterFigureFactory(
        issue=issue,
        value=7,
        label="conferences and events",
        measure=FigureMeasure.EVENTS_DELIVERED,
        is_overridden=True,
        note="Counts two events the office attended but did not run.",
        order=2,
    )
    NewsletterFigureFactory(issue=issue, value=12, label="partners", order=3)
    return issue  # fmt: skip


def printed(issue):
    return list(issue.figures.order_by("order").values_list("value", flat=True))


def test_refresh_newsletter_figures_computes_all_but_the_overridden_and_unmeasured(issue):
    changed = refresh_newsletter_figures(issue=issue)

    assert (changed, printed(issue)) == (1, [4, 7, 12])


def test_newsletter_figure_set_by_hand_needs_a_note(issue):
    figure = NewsletterFigure(issue=issue, value=1, label="new publication", is_overridden=True)

    with pytest.raises(ValidationError) as error:
        figure.full_clean()

    assert error.value.messages == ["Say in the note why this figure is set by hand."]


def test_newsletter_issue_page_shows_the_computed_figures_and_the_period(staff_client, issue):
    response = staff_client.get(f"/admin/publications/newsletterissue/{issue.pk}/change/")

    content = response.content.decode()
    assert "<tr><td>People trained</td><td>4</td></tr>" in content
    assert "<tr><td>Workshops and events delivered</td><td>3</td></tr>" in content
    assert "Workshops and events whose last day is in the period (3)" in content
    assert "Publications published in the period (1)" in content


def test_saving_the_newsletter_issue_refreshes_its_computed_figures(staff_client, issue):
    url = f"/admin/publications/newsletterissue/{issue.pk}/change/"

    response = staff_client.post(url, resubmit(staff_client.get(url)))

    assert response.status_code == 302
    assert printed(issue) == [4, 7, 12]
