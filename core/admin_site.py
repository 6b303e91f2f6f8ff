"""The staff admin site: Django's, with autocomplete results a model admin can label
(core.admin_forms.LabelledAutocompleteJsonView). Installed as the default site by
core.admin_apps.PortalAdminConfig, so `admin.site` and @admin.register use it."""

from django.contrib import admin

from .admin_forms import LabelledAutocompleteJsonView


class PortalAdminSite(admin.AdminSite):
    site_header = "RSO Portal administration"
    site_title = "RSO Portal"

    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)
