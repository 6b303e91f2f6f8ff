from django.apps import AppConfig


class RsoPortalConfig(AppConfig):
    name = "rso_portal"
    verbose_name = "RSO Portal"
