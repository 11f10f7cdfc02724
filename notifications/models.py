"""Outgoing e-mail and in-product notices.

Every e-mail is stored before it is sent. The row is the truth: the delivery
task sends what is queued, the sweeper resends what a lost message left
behind, and a `dedupe_key` makes "one e-mail, never two" a database rule.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Email(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        SENT = "sent", _("Sendt")
        FAILED = "failed", _("Fejlet")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="emails"
    )
    to_address = models.EmailField(_("modtager"))
    subject = models.CharField(_("emne"), max_length=250)
    body = models.TextField(_("tekst"))
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self) -> str:
        return f"{self.to_address}: {self.subject}"


class Notice(TimeStampedModel):
    """A message to a user inside the product ("Underretninger", never to be confused with a thread's messages)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    title = models.CharField(_("overskrift"), max_length=250)
    body = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")

    def __str__(self) -> str:
        return self.title
