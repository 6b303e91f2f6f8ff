"""Values every page template may print."""

from django.conf import settings


def office(request):
    """The office's public details (settings), as `office.email` and so on: the same
    for every visitor, so pages that print them stay cacheable."""
    return {"office": {"email": settings.OFFICE_EMAIL}}
