"""axe-core on every public page, and the keyboard path through the home page."""

import pprint
import unicodedata

import pytest

from tests.a11y import build_checked_pages, run_axe

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_every_public_page_has_no_serious_or_critical_axe_violation(page):
    paths = build_checked_pages()

    violations = {}
    for path in paths:
        page.goto(path)
        found = run_axe(page)
        if found:
            violations[path] = found

    pprint.pprint(violations, width=110)
    assert violations == {}


def test_contact_form_with_errors_has_no_serious_or_critical_axe_violation(page):
    page.goto("/contact/")
    # Past the browser's own checks of required fields, to reach the server's errors.
    page.locator("main form").evaluate("f => f.noValidate = true")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_selector("#form-errors")

    violations = run_axe(page)

    pprint.pprint(violations, width=110)
    assert violations == []


# What the focused element looks like: the keyboard user's only cue of where they are.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el === document.body ? "" : el.innerText.trim(),
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight,
    width: box.width,
    height: box.height,
  };
}"""
FOCUS_OUTLINE = "solid 3px rgb(11, 94, 215)"


def test_skip_link_is_the_first_tab_stop_shows_and_moves_focus_to_main(page):
    page.goto("/")
    skip_link = page.get_by_role("link", name="Skip to main content")
    hidden_box = skip_link.bounding_box()

    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)

    assert (hidden_box["width"], hidden_box["height"]) == (1, 1)
    assert (focused["tag"], focused["name"], focused["inViewport"]) == (
        "a",
        "Skip to main content",
        True,
    )
    assert focused["width"] > 100
    assert focused["height"] > 20
    assert focused["outline"] == FOCUS_OUTLINE

    page.keyboard.press("Enter")

    assert page.evaluate(FOCUSED)["id"] == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["name"] == "Request a training"


def test_every_tab_stop_of_the_home_page_shows_a_focus_outline_in_reading_order(page):
    page.goto("/")

    stops = []
    for _ in range(50):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body":  # past the last link: focus left the document
            break
        stops.append(focused)

    # NFC: Django's own name for Vietnamese is stored decomposed.
    assert [unicodedata.normalize("NFC", stop["name"]) for stop in stops] == [
        "Skip to main content",
        "RSO Portal",
        "News",
        "Events",
        "Publications",
        "Highlights",
        "Request training",
        # The language switcher, closed: its languages are one Enter away. (Its text:
        # a visually hidden "Language:" then the language's name.)
        "Language:\nEnglish",
        "Request a training",
        "All news",
        "All events",
        "Subscribe to the events calendar",
        "training@localhost",
        "News feed (RSS)",
        "Atom",
        "Events calendar (iCal)",
        "Trainers",
    ]
    assert [s["name"] for s in stops if s["outline"] != FOCUS_OUTLINE] == []
    # Without focus the same links have no outline: the outline is the focus cue.
    assert page.locator("main a.btn").evaluate("el => getComputedStyle(el).outlineStyle") == (
        "none"
    )
