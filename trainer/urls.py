"""The trainers' area, mounted at /trainer/ (and /id/trainer/... like the public
pages: the trainers are officials of the member states)."""

import datetime as dt

from django.urls import path, register_converter

from . import views


class IsoDateConverter:
    """A day in the address as its date, 2022-07-18: a workshop has one day per date."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return dt.date.fromisoformat(value)  # ValueError (2022-02-30) is a 404

    def to_url(self, value):
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")

app_name = "trainer"
urlpatterns = [
    path("", views.WorkshopListView.as_view(), name="home"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("password-reset/done/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("workshops/<slug:slug>/", views.WorkshopDetailView.as_view(), name="workshop"),
    path(
        "workshops/<slug:slug>/days/<isodate:date>/roll-call/",
        views.RollCallView.as_view(),
        name="roll-call",
    ),
    path(
        "workshops/<slug:slug>/sessions/<int:pk>/log/",
        views.SessionLogView.as_view(),
        name="session-log",
    ),
]

# The attendance sheet and the import of a virtual day's platform report: their views
# live in modules of their own, imported here beside their addresses.
from . import views_sheet  # noqa: E402

urlpatterns += [
    path(
        "workshops/<slug:slug>/attendance.xlsx",
        views_sheet.AttendanceSheetView.as_view(),
        name="attendance-sheet",
    ),
]

from . import views_import  # noqa: E402

urlpatterns += [
    path(
        "workshops/<slug:slug>/days/<isodate:date>/import/",
        views_import.VirtualImportUploadView.as_view(),
        name="virtual-import",
    ),
    path(
        "workshops/<slug:slug>/days/<isodate:date>/import/preview/",
        views_import.VirtualImportPreviewView.as_view(),
        name="virtual-import-preview",
    ),
]
