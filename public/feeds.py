"""News feeds: /feeds/news/ (RSS 2.0) and /feeds/news/atom/ (Atom 1.0)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from publications.models import NewsArticle
from publications.queries import prefetch_thematic_areas

ITEMS = 20


class LatestNewsFeed(Feed):
    title = _("Regional Support Office: news")
    description = _(
        "News of the Regional Support Office's training against people smuggling, "
        "trafficking in persons and related transnational crime."
    )
    author_name = _("Regional Support Office")

    def link(self):
        return reverse("news:list")

    def items(self):
        # Two statements: the articles, then all their thematic areas.
        return NewsArticle.objects.published().prefetch_related(prefetch_thematic_areas())[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [area.name for area in item.thematic_areas.all()]


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestNewsFeed.description
