"""Values every page template may print."""

import hashlib

from django.conf import settings
from django.templatetags.static import static


def theme_version() -> str:
    """A short hash of the office's colours: the theme stylesheet's address carries
    it, so browsers may keep the stylesheet for a year and still fetch the new one
    the moment the colours change (like the hashed names of static files)."""
    colours = repr(sorted(settings.OFFICE_COLOURS.items())).encode()
    return hashlib.sha256(colours).hexdigest()[:12]


def office(request):
    """The office's public details (settings), as `office.email` and so on: the same
    for every visitor, so pages that print them stay cacheable."""
    logo = settings.OFFICE_LOGO
    return {
        "office": {
            "email": settings.OFFICE_EMAIL,
            "logo_url": logo if logo.startswith("https://") or not logo else static(logo),
            "theme_version": theme_version(),
        }
    }
