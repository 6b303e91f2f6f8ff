"""The visitor's language: `/` asks the browser once, then the visitor's choice sticks;
reference data is named in the page's language, English when not translated."""

import pytest

from tests.factories.publications import NewsletterFigureFactory, NewsletterIssueFactory
from tests.factories.workshops import MemberStateFactory, ThematicAreaFactory
from tests.public.builders import future, make_event
from workshops.choices import MemberStateKind

pytestmark = pytest.mark.django_db

COOKIE = "django_language"


# `/` and the language cookie -----------------------------------------------------


def test_home_sends_a_thai_browser_to_the_thai_home_and_remembers_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="th-TH,th;q=0.9,en;q=0.5")

    assert (response.status_code, response["Location"]) == (302, "/th/")
    assert response.cookies[COOKIE].value == "th"
    assert response.cookies[COOKIE]["max-age"] == 365 * 24 * 60 * 60
    assert response["Vary"] == "Accept-Language, Cookie"


def test_home_stays_english_for_an_english_browser_and_remembers_it(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")

    assert response.status_code == 200
    assert response.cookies[COOKIE].value == "en"


def test_home_that_sets_the_cookie_is_kept_by_no_shared_cache(client):
    client.get("/")  # the English home page, now in the page cache
    client.cookies.clear()

    first_visit = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    client.cookies[COOKIE] = "en"
    next_visit = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert first_visit.cookies[COOKIE].value == "en"
    assert first_visit["Cache-Control"] == "max-age=60, private"
    assert COOKIE not in next_visit.cookies
    assert next_visit["Cache-Control"] == "public, max-age=60"


def test_home_follows_the_visitors_choice_over_the_browser(client):
    client.cookies[COOKIE] = "en"

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="id")

    assert response.status_code == 200
    assert COOKIE not in response.cookies  # asked once: nothing to remember again


def test_home_remembered_choice_redirects_even_when_the_page_is_cached(client):
    client.get("/")  # English, now in the page cache
    client.cookies[COOKIE] = "vi"

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert (response.status_code, response["Location"]) == (302, "/vi/")


def test_other_pages_keep_the_language_of_their_address(client):
    client.cookies[COOKIE] = "th"

    response = client.get("/news/", HTTP_ACCEPT_LANGUAGE="th")

    assert (response.status_code, response["Content-Language"]) == (200, "en")


def test_language_switcher_remembers_the_choice_and_opens_the_same_page(client):
    response = client.get("/language/ms/", {"next": "/ms/news/?page=2"})

    assert (response.status_code, response["Location"]) == (302, "/ms/news/?page=2")
    assert response.cookies[COOKIE].value == "ms"
    assert client.get("/")["Location"] == "/ms/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "news/"])
def test_language_switcher_goes_home_rather_than_to_another_site(client, target):
    response = client.get("/language/id/", {"next": target})

    assert response["Location"] == "/id/"


def test_language_switcher_of_an_unknown_language_is_not_found(client):
    assert client.get("/language/xx/").status_code == 404


def test_not_found_page_offers_the_home_page_in_each_language(client):
    html = client.get("/th/no-such-page/").content.decode()

    assert 'href="/language/id/?next=/id/" lang="id"' in html
    assert "/id/no-such-page/" not in html


# Reference data in the page's language -------------------------------------------


def test_thematic_area_is_named_in_the_page_language_with_english_fallback(client):
    workshop = make_event(days=[future(3)], title="Border workshop")
    workshop.thematic_areas.add(
        ThematicAreaFactory(name="People smuggling", name_th="การลักลอบขนผู้ย้ายถิ่น"),
        ThematicAreaFactory(name="Border management"),
    )

    thai = client.get("/th/events/")
    malay = client.get("/ms/events/")

    assert thai.context["events"][0].thematic_areas == [
        "Border management",
        "การลักลอบขนผู้ย้ายถิ่น",
    ]
    assert malay.context["events"][0].thematic_areas == ["Border management", "People smuggling"]


def test_contact_form_names_member_states_in_the_page_language(client):
    MemberStateFactory(name="Viet Nam", name_id="Vietnam", kind=MemberStateKind.MEMBER)
    MemberStateFactory(name="Australia", name_id="Australia", kind=MemberStateKind.MEMBER)

    form = client.get("/id/contact/").context["form"]

    assert [label for _, label in form.fields["member_state"].choices][1:] == [
        "Australia",
        "Vietnam",
    ]


def test_event_page_names_states_and_country_in_the_page_language(client):
    thailand = MemberStateFactory(name="Thailand", name_vi="Thái Lan")
    workshop = make_event(days=[future(3)], country=thailand, city="Bangkok")
    workshop.target_member_states.add(thailand)

    response = client.get(f"/vi/events/{workshop.slug}/")

    assert response.context["event"].member_states == ["Thái Lan"]
    assert "Bangkok, Thái Lan" in response.content.decode()


def test_newsletter_figure_label_is_in_the_page_language(client):
    issue = NewsletterIssueFactory(slug="issue-2")
    NewsletterFigureFactory(
        issue=issue, value=313, label="people trained", label_th="คนได้รับการฝึกอบรม"
    )

    html = client.get("/th/highlights/issue-2/").content.decode()

    assert '<dt>คนได้รับการฝึกอบรม</dt>\n    <dd class="figure-value">313</dd>' in html
