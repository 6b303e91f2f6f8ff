from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    checks = {"database": health.database_is_up()}
    if health.broker_is_configured():
        checks["broker"] = health.broker_is_up()
    is_healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if is_healthy else "unavailable", "checks": checks},
        status=200 if is_healthy else 503,
    )


def login_locked_out(request, original_response=None, credentials=None):
    """What django-axes answers a login refused after too many failures (429): our
    page in the visitor's language, saying how long to wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/lockout.html", {"cooloff_minutes": minutes}, status=429)
