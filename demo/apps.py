from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo municipality: sits above every app and asks each to seed its part."""

    name = "demo"
