"""{% filter_sidebar cl %}: the filters block of Django's admin/change_list.html,
drawn by core.admin_filter_html, in templates/admin/change_list.html."""

from django import template

from core.admin_filter_html import filter_sidebar_html

register = template.Library()

register.simple_tag(filter_sidebar_html, name="filter_sidebar")
