"""The admin's sidebar, rendered once per menu and highlighted page
(PortalAdminSite.nav_sidebar), in templates/admin/nav_sidebar.html in place of
Django's template of the same HTML."""

from django import template
from django.contrib import admin

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_sidebar(context):
    # Built by format_html(): already safe HTML.
    return admin.site.nav_sidebar(context["request"], context["available_apps"])
