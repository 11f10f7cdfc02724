import os

from celery import Celery
from celery.signals import beat_init, worker_init
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("borgerdialog")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def refuse_to_start_without_a_secret_key(**kwargs) -> None:
    """Reading an empty key makes Django raise ImproperlyConfigured (see config/settings.py)."""
    from django.conf import settings

    if not settings.SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set")
