"""Abstract base models shared by every app (as adhocracy4's base models)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True


class UserContentModel(TimeStampedModel):
    """Something a person wrote: it has an author and survives the author's deletion."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("forfatter")
    )

    class Meta:
        abstract = True
