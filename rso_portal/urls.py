from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from core.views import healthz
from public.urls import language_neutral, localised

admin.site.site_header = "RSO Portal administration"
admin.site.site_title = "RSO Portal"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    *language_neutral,
]
# English at /, the other languages under /id/, /ms/, /vi/, /th/: the public pages,
# and the trainers' area (by its URLconf's dotted path: this module imports no more of it).
urlpatterns += i18n_patterns(
    *localised,
    path("trainer/", include("trainer.urls")),
    prefix_default_language=False,
)
