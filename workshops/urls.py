from django.urls import path

from . import feeds, views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]

# Outside the language prefixes: one address per calendar, whatever the language.
calendar_patterns = [
    path("events.ics", feeds.upcoming_events_calendar, name="events-calendar"),
    path("events/<slug:slug>.ics", feeds.event_calendar, name="event-calendar"),
]

contact_patterns = (
    [
        path("", views.ContactView.as_view(), name="form"),
        path("thanks/", views.ContactThanksView.as_view(), name="thanks"),
    ],
    "contact",
)
