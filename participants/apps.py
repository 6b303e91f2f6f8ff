from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "participants"

    def ready(self):
        from .emails import register_renderers

        register_renderers()
