"""/sitemap.xml: every public page, in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from publications.models import NewsArticle, NewsletterIssue, Publication
from workshops.models import Workshop


class PortalSitemap(Sitemap):
    # Each page exists under every language prefix; reverse() inside location()
    # runs with the item's language active, so it gives the prefixed address (the
    # models' get_absolute_url() is the English one).
    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "home",
            "news:list",
            "events:list",
            "publications:list",
            "highlights:list",
            "contact:form",
        ]

    def location(self, item):
        return reverse(item)


class NewsSitemap(PortalSitemap):
    def items(self):
        return NewsArticle.objects.published().only("slug", "updated_at")

    def location(self, item):
        return reverse("news:detail", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(PortalSitemap):
    def items(self):
        return Workshop.objects.public().only("slug", "updated_at")

    def location(self, item):
        return reverse("events:detail", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


class PublicationSitemap(PortalSitemap):
    def items(self):
        return Publication.objects.published().only("slug", "published_on")

    def location(self, item):
        return reverse("publications:detail", args=[item.slug])

    def lastmod(self, item):
        return item.published_on


class HighlightSitemap(PortalSitemap):
    def items(self):
        return NewsletterIssue.objects.filter(is_published=True).only("slug", "issued_on")

    def location(self, item):
        return reverse("highlights:detail", args=[item.slug])

    def lastmod(self, item):
        return item.issued_on


SITEMAPS = {
    "sections": SectionSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "publications": PublicationSitemap,
    "highlights": HighlightSitemap,
}
