import pytest

from tests.factories.publications import NewsArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/news/?page=922337203685477582",
        "/news/?q=border&page=922337203685477582",
        "/th/news/?page=922337203685477582",
        "/events/?page=922337203685477582",
        "/publications/?page=922337203685477582",
        "/highlights/?page=922337203685477582",
    ],
)
def test_absurd_page_number_is_a_404_not_a_500(client, path):
    NewsArticleFactory()

    response = client.get(path)

    assert response.status_code == 404
