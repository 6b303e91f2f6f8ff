"""The public site's addresses. `language_neutral` are the same whatever the
visitor's language; `localised` are mounted under /id/, /ms/, /vi/, /th/ too
(English has no prefix) by the root URLconf."""

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import calendars, feeds, language
from .sitemaps import SITEMAPS
from .views import certificates, contact, events, files, home, publications, surveys

language_neutral = [
    path("robots.txt", home.RobotsView.as_view(), name="robots"),
    path("theme.css", home.theme_css, name="theme-css"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feeds/news/", feeds.LatestNewsFeed(), name="news-feed"),
    path("feeds/news/atom/", feeds.LatestNewsAtomFeed(), name="news-feed-atom"),
    path("events.ics", calendars.UpcomingEventsCalendar.as_view(), name="events-calendar"),
    path("events/<slug:slug>.ics", calendars.EventCalendar.as_view(), name="event-calendar"),
    # Downloads are the same file whatever the page's language: one address each.
    path(
        "publications/<slug:slug>/download/<str:language>/<str:file_format>/",
        files.publication_file,
        name="publication-file",
    ),
    # The language switcher's links (public/language.py).
    path("language/<str:code>/", language.choose_language, name="choose-language"),
    # MEDIA_URL: what the storage's url() gives for an uploaded image.
    path("media/<path:name>", files.media_image, name="media"),
]

news_patterns = [
    path("", publications.NewsListView.as_view(), name="list"),
    path("<slug:slug>/", publications.NewsDetailView.as_view(), name="detail"),
]
event_patterns = [
    path("", events.EventListView.as_view(), name="list"),
    path("<slug:slug>/", events.EventDetailView.as_view(), name="detail"),
]
publication_patterns = [
    path("", publications.PublicationListView.as_view(), name="list"),
    path("<slug:slug>/", publications.PublicationDetailView.as_view(), name="detail"),
]
highlight_patterns = [
    path("", publications.HighlightListView.as_view(), name="list"),
    path("<slug:slug>/", publications.HighlightDetailView.as_view(), name="detail"),
]
# A participant's private survey link (public/views/surveys.py): never page-cached.
survey_patterns = [
    path("<str:token>/", surveys.survey, name="survey"),
    path("<str:token>/thanks/", surveys.survey_thanks, name="survey-thanks"),
]
contact_patterns = [
    path("", contact.ContactView.as_view(), name="form"),
    path("thanks/", contact.ContactThanksView.as_view(), name="thanks"),
]
certificate_patterns = [
    path("", certificates.CertificateFormView.as_view(), name="form"),
    path("<str:code>/", certificates.CertificateCheckView.as_view(), name="detail"),
]

localised = [
    path("", home.HomeView.as_view(), name="home"),
    path("news/", include((news_patterns, "news"))),
    path("events/", include((event_patterns, "events"))),
    path("publications/", include((publication_patterns, "publications"))),
    path("highlights/", include((highlight_patterns, "highlights"))),
    path("contact/", include((contact_patterns, "contact"))),
    path("certificates/", include((certificate_patterns, "certificates"))),
    path("survey/", include(survey_patterns)),
]
