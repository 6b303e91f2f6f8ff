from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from publications.feeds import LatestNewsAtomFeed, LatestNewsFeed
from publications.urls import highlight_patterns, news_patterns, publication_patterns
from workshops.urls import calendar_patterns, contact_patterns

from . import views
from .sitemaps import SITEMAPS

admin.site.site_header = "RSO Portal administration"
admin.site.site_title = "RSO Portal"

# Language-neutral addresses: one URL each, whatever the visitor's language.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feeds/news/", LatestNewsFeed(), name="news-feed"),
    path("feeds/news/atom/", LatestNewsAtomFeed(), name="news-feed-atom"),
    *calendar_patterns,
]

# The public pages: English at /, the other languages under /id/, /ms/, /vi/, /th/.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("news/", include(news_patterns)),
    path("events/", include("workshops.urls")),
    path("publications/", include(publication_patterns)),
    path("highlights/", include(highlight_patterns)),
    path("contact/", include(contact_patterns)),
    prefix_default_language=False,
)
