from django.http import JsonResponse
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
