from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Puljer")

    def ready(self) -> None:
        from accounts.selectors import register_personal_data
        from grants.selectors import own_data_of

        register_personal_data("grants", own_data_of)
