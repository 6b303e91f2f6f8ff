"""The staff admin site: Django's, with autocomplete results a model admin can label
(core.admin_forms.LabelledAutocompleteJsonView) and its menu (the app list) built
once per staff member's permissions and language in each process. Installed as the
default site by core.admin_apps.PortalAdminConfig, so `admin.site` and
@admin.register use it."""

from django.contrib import admin
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .admin_forms import LabelledAutocompleteJsonView
from .memo import memoised

# Django's own words of the sidebar, translated by the admin's catalogs: through
# names, so that makemessages leaves them out of ours.
DJANGO_SIDEBAR_LABELS = (
    "Toggle navigation",
    "Sidebar",
    "Start typing to filter…",
    "Filter navigation items",
)

# Menus and rendered sidebars kept per process (core.memo): one per permission set,
# language (and, for the sidebar, page highlighted) in use.
_app_lists: dict = {}
_sidebars: dict = {}


def forget_menus() -> None:
    """For tests: build the menus again (as a new process would)."""
    _app_lists.clear()
    _sidebars.clear()


def permissions_key(user) -> tuple:
    """What an app list depends on besides the language: the user's permissions (the
    admin asks nothing else of the user). Read once per request by the admin anyway."""
    if user.is_active and user.is_superuser:
        return ("superuser",)
    return ("staff", frozenset(user.get_all_permissions()))


class PortalAdminSite(admin.AdminSite):
    site_header = "RSO Portal administration"
    site_title = "RSO Portal"

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def get_app_list(self, request, app_label=None):
        """Django's list, built once per permission set and language in a process.

        Every admin page builds it for the sidebar (each_context), and the index and
        an app's page build it again for their content: each build asks every model
        admin for its permissions and reverses two URLs per model, about a third of
        the admin index's time. The model admins are registered at start-up and
        their permission methods read only the user's permissions (none of ours
        reads anything else; one that did would have to be left out of the key),
        so the same permissions in the same language give the same list. An app's
        list is its entry of the whole one: Django's label only leaves the other
        apps' models out, with the same permissions."""
        app_list = memoised(
            _app_lists,
            self._menu_key(request),
            lambda: super(PortalAdminSite, self).get_app_list(request),
        )
        if app_label is None:
            return app_list
        return [app for app in app_list if app["app_label"] == app_label]

    def nav_sidebar(self, request, available_apps) -> str:
        """The sidebar (Django's admin/nav_sidebar.html), rendered once per menu and
        page highlighted: what it shows of the page is only which app and model
        addresses the page's path contains, as its template compares them."""
        path = urlencode(request.path)
        highlighted = frozenset(
            url
            for app in available_apps
            for url in (app["app_url"], *(model.get("admin_url") for model in app["models"]))
            if url and url in path
        )
        return memoised(
            _sidebars,
            (self._menu_key(request), highlighted),
            lambda: self._render_nav_sidebar(request, available_apps),
        )

    def _menu_key(self, request) -> tuple:
        return (self.name, permissions_key(request.user), get_language(), get_script_prefix())

    def _render_nav_sidebar(self, request, available_apps) -> str:
        apps = render_to_string(
            "admin/app_list.html",
            {"app_list": available_apps, "show_changelinks": False},
            request=request,
        )
        return format_html(
            '<button class="sticky toggle-nav-sidebar" id="toggle-nav-sidebar" '
            'aria-label="{}"></button>\n'
            '<nav class="sticky" id="nav-sidebar" aria-label="{}">\n'
            '  <input type="search" id="nav-filter" placeholder="{}" aria-label="{}">\n'
            "  {}\n</nav>",
            *(_(label) for label in DJANGO_SIDEBAR_LABELS),
            apps,
        )
