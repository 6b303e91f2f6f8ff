"""The changelists' filter sidebar (the filters block of Django's
admin/change_list.html, and admin/filter.html for each filter), written out in Python.

Why our own: on the registrations list the sidebar's five filters (some 45 choices)
took 5 ms of a 40 ms page in-process, nearly all of it the template printing four
values per choice. Here each choice is one string; the values go through the same
functions the templates apply to them (render_value_in_context, iriencode), so the
HTML is Django's: tests/admin/test_filter_html.py checks it byte for byte against
Django's own block on every changelist. A filter drawn by another template (its own
`template`, or an overridden admin/filter.html) is left to Django's tag.
"""

import html
from pathlib import Path

import django.contrib.admin
from django.contrib.admin.templatetags.admin_list import admin_list_filter
from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import get_template
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

DJANGO_FILTER_TEMPLATE = (
    Path(django.contrib.admin.__file__).parent / "templates" / "admin" / "filter.html"
)

# Django's messages, translated by the admin's catalogs: through names, so that
# makemessages leaves them out of ours.
DJANGO_FILTER_TITLE = " By %(filter_title)s "
DJANGO_FILTER = "Filter"
DJANGO_HIDE_COUNTS = "Hide counts"
DJANGO_SHOW_COUNTS = "Show counts"
DJANGO_CLEAR_ALL = "Clear all filters"


def _is_djangos_template(name: str) -> bool:
    origin = get_template(name).origin
    return Path(origin.name) == DJANGO_FILTER_TEMPLATE


def filter_sidebar_html(cl):
    """What Django's {% block filters %} prints."""
    if not cl.has_filters:
        return "\n        \n      "
    context = Context(autoescape=True)

    def text(value):
        if type(value) is str:  # what render_value_in_context() comes to for text
            return html.escape(value)
        return render_value_in_context(value, context)

    parts = [
        "\n        \n"
        '          <nav id="changelist-filter" aria-labelledby="changelist-filter-header">\n'
        f'            <h2 id="changelist-filter-header">{text(gettext(DJANGO_FILTER))}</h2>\n'
        "            "
    ]
    if cl.is_facets_optional or cl.has_active_filters:
        parts.append('<div id="changelist-filter-extra-actions">\n              ')
        if cl.is_facets_optional:
            if cl.add_facets:
                link = (
                    f'<a href="{text(cl.remove_facet_link)}" class="hidelink">'
                    f"{text(gettext(DJANGO_HIDE_COUNTS))}</a>\n                "
                )
            else:
                link = (
                    f'<a href="{text(cl.add_facet_link)}" class="viewlink">'
                    f"{text(gettext(DJANGO_SHOW_COUNTS))}</a>"
                )
            parts.append(f"<h3>\n                {link}\n              </h3>")
        parts.append("\n              ")
        if cl.has_active_filters:
            parts.append(
                f'<h3>\n                <a href="{text(cl.clear_all_filters_qs)}">&#10006; '
                f"{text(gettext(DJANGO_CLEAR_ALL))}</a>\n              </h3>"
            )
        parts.append("\n            </div>")
    parts.append("\n            ")
    parts.extend(list_filter_html(cl, spec, text) for spec in cl.filter_specs)
    parts.append("\n          </nav>\n        \n      ")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def list_filter_html(cl, spec, text):
    """What {% admin_list_filter cl spec %} prints."""
    if spec.template != "admin/filter.html" or not _is_djangos_template(spec.template):
        return admin_list_filter(cl, spec)
    parts = [
        f'\n<details data-filter-title="{text(spec.title)}" open>\n  <summary>\n    ',
        gettext(DJANGO_FILTER_TITLE) % {"filter_title": text(spec.title)},
        "\n  </summary>\n  <ul>\n  ",
    ]
    for choice in spec.choices(cl):
        selected = ' class="selected"' if choice["selected"] else ""
        href = escape(iri_to_uri(str(choice["query_string"])))
        parts.append(
            f'\n    <li{selected}>\n    <a href="{href}">{text(choice["display"])}</a></li>\n  '
        )
    parts.append("\n  </ul>\n</details>\n")
    return "".join(parts)
