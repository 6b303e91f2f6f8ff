"""django.contrib.admin's app, with the portal's admin site as the default one."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """Listed in INSTALLED_APPS instead of django.contrib.admin: `admin.site` and
    @admin.register then use core.admin_site.PortalAdminSite."""

    default_site = "core.admin_site.PortalAdminSite"
