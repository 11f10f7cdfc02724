from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessRequestsConfig(AppConfig):
    name = "access_requests"
    verbose_name = _("Aktindsigt")
