from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Dialog")

    def ready(self) -> None:
        from accounts.selectors import register_personal_data
        from dialogue.selectors import own_data_of

        register_personal_data("dialogue", own_data_of)
