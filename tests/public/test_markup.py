"""Every public page: valid landmarks, one h1, labelled controls, alt text, meta tags,
and nothing a strict Content Security Policy would block."""

import re

import pytest

from tests.html import csp_violations, external_assets
from tests.public.site import build_public_site, structure_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    site = build_public_site()
    return {path: client.get(path).content.decode() for path in site.pages}


def test_every_page_has_landmarks_one_h1_and_the_skip_link(pages):
    problems = []
    for path, html in pages.items():
        page = structure_of(html)
        if page.h1_count != 1:
            problems.append((path, f"{page.h1_count} h1"))
        for landmark in ("header", "nav", "main", "footer"):
            if landmark not in page.tags:
                problems.append((path, f"no <{landmark}>"))
        if 'class="visually-hidden-focusable skip-link" href="#main">' not in html:
            problems.append((path, "no skip link"))

    assert problems == []


def test_every_page_has_description_and_open_graph_tags(pages):
    problems = []
    for path, html in pages.items():
        meta = structure_of(html).meta
        for key in ("description", "og:title", "og:description", "og:type", "og:url"):
            if not meta.get(key, "").strip():
                problems.append((path, f"empty {key}"))
        if meta.get("og:description") != meta.get("description"):
            problems.append((path, "og:description differs from description"))
        if not meta.get("og:url", "").startswith("http://testserver/"):
            problems.append((path, "og:url is not absolute"))

    assert problems == []


def test_every_form_control_is_labelled_and_every_image_has_alt_text(pages):
    problems = []
    for path, html in pages.items():
        page = structure_of(html)
        problems += [(path, f"unlabelled {name}") for name in page.unlabelled_controls()]
        problems += [(path, f"no alt on {src}") for src in page.images_without_alt]
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        problems += [(path, f"duplicate id {i}") for i in duplicates]

    assert problems == []


def test_every_page_passes_the_strict_csp_and_uses_no_cdn(pages):
    assert {
        path: csp_violations(html) for path, html in pages.items() if csp_violations(html)
    } == {}
    assert {p: external_assets(h) for p, h in pages.items() if external_assets(h)} == {}


def test_article_page_has_article_open_graph_type_and_image(pages):
    meta = structure_of(pages["/news/virtual-workshop-malaysia/"]).meta

    assert meta["og:type"] == "article"
    # The stored name is generated (core.uploads), not the uploaded "group.gif".
    assert re.fullmatch(r"http://testserver/media/news/[0-9a-f]{32}\.gif", meta["og:image"])
    assert meta["og:image:alt"] == "Malaysian immigration group photo"


@pytest.mark.parametrize(
    ("path", "language"),
    [("/", "en"), ("/id/", "id"), ("/ms/contact/", "ms"), ("/vi/news/", "vi")],
)
def test_pages_under_a_language_prefix_are_in_that_language(client, path, language):
    html = client.get(path).content.decode()

    assert structure_of(html).html_lang == language


def test_language_links_lead_to_the_same_page_in_each_language(client):
    html = client.get("/news/?page=1").content.decode()

    assert 'href="/language/id/?next=/id/news/%3Fpage%3D1" lang="id" hreflang="id"' in html
    assert (
        'href="/language/en/?next=/news/%3Fpage%3D1" lang="en" hreflang="en" aria-current="true"'
    ) in html


def test_navigation_marks_the_current_section(client):
    html = client.get("/publications/").content.decode()

    assert (
        '<a class="nav-link active" href="/publications/" aria-current="page">Publications</a>'
        in html
    )


def test_navigation_links_keep_the_language(client):
    html = client.get("/th/").content.decode()

    assert 'href="/th/events/"' in html
    assert 'href="/th/contact/"' in html
