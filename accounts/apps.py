from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Brugere og organisation")

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_save

        from accounts import login_session, services
        from accounts.models import User

        login_session.connect()
        pre_save.connect(services.note_password_change, sender=User, dispatch_uid="accounts.password_change")
        post_save.connect(services.end_tokens_after_password_change, sender=User, dispatch_uid="accounts.tokens")
