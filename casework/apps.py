from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Sagsbehandling efter loven")

    def ready(self) -> None:
        from casework.views import complaint_panel
        from complaints.panels import register_panel

        register_panel(complaint_panel)
