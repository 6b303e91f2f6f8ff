"""Addresses with doubled slashes never make the page link or point off-site."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


@pytest.mark.parametrize("path", ["//evil.example/x", "/id//evil.example/x", "/th//evil.example/"])
def test_doubled_slash_path_gives_no_off_site_link(client, path):
    response = client.get("/", PATH_INFO=path)

    html = response.content.decode()
    assert response.status_code == 404
    assert [href for href in _hrefs(html) if href.startswith("//")] == []
    og_url = re.search(r'property="og:url" content="([^"]*)"', html).group(1)
    assert og_url.startswith("http://testserver/")
