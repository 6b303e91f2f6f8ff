from django.apps import AppConfig


class DemoConfig(AppConfig):
    """load_demo and the seed data: development and benchmarks only."""

    name = "demo"
    verbose_name = "Demo data"
