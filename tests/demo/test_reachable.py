"""On the demo data, every seed article, event and publication is reachable by a
visitor who starts from the listing pages and follows their page links."""

import re

import pytest

from publications.models import NewsArticle, NewsletterIssue, Publication
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

LISTINGS = ["/news/", "/events/", "/events/?when=past", "/publications/", "/highlights/"]
HREF = re.compile(r'href="([^"]+)"')


def crawl_listings(client) -> set[str]:
    """Every link on the listing pages, following their pagination to the end."""
    to_visit, seen, links = list(LISTINGS), set(), set()
    while to_visit:
        address = to_visit.pop()
        if address in seen:
            continue
        seen.add(address)
        response = client.get(address)
        assert response.status_code == 200, address
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            links.add(href)
            base = address.split("?")[0]
            if href.startswith("?") and "page=" in href:
                to_visit.append(base + href)
    return links


def test_every_public_seed_item_is_linked_from_a_listing(seeded, client):
    links = crawl_listings(client)

    expected = {
        *(a.get_absolute_url() for a in NewsArticle.objects.published()),
        *(w.get_absolute_url() for w in Workshop.objects.public()),
        *(p.get_absolute_url() for p in Publication.objects.published()),
        *(i.get_absolute_url() for i in NewsletterIssue.objects.filter(is_published=True)),
    }
    # 12 articles, 18 public workshops, 5 publications and the newsletter issue.
    assert len(expected) == 36
    assert expected - links == set()


def test_unpublished_seed_items_are_not_linked(seeded, client):
    links = crawl_listings(client)

    hidden = {
        *(w.get_absolute_url() for w in Workshop.objects.exclude(pk__in=Workshop.objects.public())),
        *(p.get_absolute_url() for p in Publication.objects.exclude(is_published=True)),
    }
    assert hidden
    assert hidden & links == set()
