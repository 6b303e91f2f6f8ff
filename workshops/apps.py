from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "workshops"

    def ready(self):
        from .emails import register_renderers

        register_renderers()
