from django.apps import AppConfig


class RsoPortalConfig(AppConfig):
    name = "rso_portal"
    verbose_name = "RSO Portal"

    def ready(self):
        from . import public_cache

        public_cache.connect_signals()
