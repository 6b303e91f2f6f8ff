"""Values every page template may print."""

from django.conf import settings
from django.templatetags.static import static


def office(request):
    """The office's public details (settings), as `office.email` and so on: the same
    for every visitor, so pages that print them stay cacheable."""
    logo = settings.OFFICE_LOGO
    return {
        "office": {
            "email": settings.OFFICE_EMAIL,
            "logo_url": logo if logo.startswith("https://") or not logo else static(logo),
        }
    }
