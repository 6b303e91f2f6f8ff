"""The trainers' area, mounted at /trainer/ (and /id/trainer/... like the public
pages: the trainers are officials of the member states)."""

import datetime as dt

from django.urls import path, register_converter

from . import views, views_completion, views_import, views_sheet


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
    # The attendance sheet and the import of a virtual day's platform report.
    path(
        "workshops/<slug:slug>/attendance.xlsx",
        views_sheet.AttendanceSheetView.as_view(),
        name="attendance-sheet",
    ),
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
    # Completion and certificates.
    path(
        "workshops/<slug:slug>/completion/",
        views_completion.CompletionView.as_view(),
        name="completion",
    ),
    path(
        "workshops/<slug:slug>/completion/<int:pk>/",
        views_completion.CompletionOverrideView.as_view(),
        name="completion-override",
    ),
    path(
        "workshops/<slug:slug>/certificates.pdf",
        views_completion.WorkshopCertificatesPdfView.as_view(),
        name="certificates-pdf",
    ),
    path(
        "workshops/<slug:slug>/certificates/<int:pk>.pdf",
        views_completion.CertificatePdfView.as_view(),
        name="certificate-pdf",
    ),
    # Staff only: a trainer is refused (403).
    path(
        "certificates/<str:code>/revoke/",
        views_completion.RevokeCertificateView.as_view(),
        name="certificate-revoke",
    ),
    path(
        "workshops/<slug:slug>/surveys/<str:kind>/",
        views.SurveyResultsView.as_view(),
        name="survey-results",
    ),
    path(
        "workshops/<slug:slug>/surveys/<str:kind>/results.csv",
        views.SurveyResultsCsvView.as_view(),
        name="survey-results-csv",
    ),
]
