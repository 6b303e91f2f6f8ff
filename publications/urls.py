from django.urls import path

from . import views

news_patterns = (
    [
        path("", views.NewsListView.as_view(), name="list"),
        path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    ],
    "news",
)

publication_patterns = (
    [
        path("", views.PublicationListView.as_view(), name="list"),
        path("<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
    ],
    "publications",
)

highlight_patterns = (
    [
        path("", views.HighlightListView.as_view(), name="list"),
        path("<slug:slug>/", views.HighlightDetailView.as_view(), name="detail"),
    ],
    "highlights",
)
