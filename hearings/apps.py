from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "hearings"
    verbose_name = _("Høringer")

    def ready(self) -> None:
        from accounts.selectors import register_personal_data
        from hearings.selectors import own_data_of

        register_personal_data("hearings", own_data_of)
