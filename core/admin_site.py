"""The staff admin site: Django's, with autocomplete results a model admin can label
(core.admin_forms.LabelledAutocompleteJsonView) and the app list built once a request.
Installed as the default site by core.admin_apps.PortalAdminConfig, so `admin.site` and
@admin.register use it."""

from django.contrib import admin

from .admin_forms import LabelledAutocompleteJsonView


class PortalAdminSite(admin.AdminSite):
    site_header = "RSO Portal administration"
    site_title = "RSO Portal"

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)

    def get_app_list(self, request, app_label=None):
        """Django's list, built once per request and site. Every admin page builds it
        for the sidebar (each_context), and the index and an app's page build it again
        for their content: each build asks every model admin for its permissions and
        reverses two URLs per model, about a third of the admin index's time. An app's
        list is its entry of the whole one: Django's label only leaves the other apps'
        models out, with the same permissions."""
        lists = request.__dict__.setdefault("_admin_app_lists", {})
        if self.name not in lists:
            lists[self.name] = super().get_app_list(request)
        app_list = lists[self.name]
        if app_label is None:
            return app_list
        return [app for app in app_list if app["app_label"] == app_label]
