"""The fixed pages the footer links to, their content edited by administrators in the admin.

The accessibility statement (tilgængelighedserklæring, webtilgængelighedsloven § 3) has the structure of
Digitaliseringsstyrelsen's model statement: the commitment, the compliance status, the content that is not
accessible (a: not compliant, b: a disproportionate burden, c: outside the law's scope), how and when the
statement was made, feedback and contact, and the enforcement procedure. The newest row is the one shown;
a migration seeds the first of each.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class AccessibilityStatement(TimeStampedModel):
    class Compliance(models.TextChoices):
        FULL = "full", _("Fuldt ud i overensstemmelse med webtilgængelighedsloven")
        PARTIAL = "partial", _("Delvist i overensstemmelse med webtilgængelighedsloven")
        NONE = "none", _("Ikke i overensstemmelse med webtilgængelighedsloven")

    compliance = models.CharField(
        _("overholdelsesstatus"), max_length=10, choices=Compliance.choices, default=Compliance.PARTIAL
    )
    not_compliant = models.TextField(
        _("a) manglende overholdelse af lovgivningen"), blank=True, help_text=_("Markdown; tomt, hvis intet.")
    )
    disproportionate_burden = models.TextField(_("b) uforholdsmæssig stor byrde"), blank=True)
    outside_scope = models.TextField(_("c) indholdet er ikke omfattet af lovgivningen"), blank=True)
    prepared_on = models.DateField(_("erklæringen er udarbejdet"))
    reviewed_on = models.DateField(_("senest gennemgået"), null=True, blank=True)
    method = models.TextField(_("sådan er erklæringen udarbejdet"))
    feedback = models.TextField(_("feedback og kontaktoplysninger"))
    contact_email = models.EmailField(_("e-mail til tilgængelighedsspørgsmål"))

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        verbose_name = _("tilgængelighedserklæring")
        verbose_name_plural = _("tilgængelighedserklæringer")

    def __str__(self) -> str:
        return str(_("Tilgængelighedserklæring af %(date)s") % {"date": self.prepared_on})


class PrivacyNotice(TimeStampedModel):
    body = models.TextField(_("tekst"), help_text=_("Markdown: afsnit, **fed**, lister, links, ### overskrifter."))

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        verbose_name = _("privatlivspolitik")
        verbose_name_plural = _("privatlivspolitikker")

    def __str__(self) -> str:
        return str(_("Privatlivspolitik af %(date)s") % {"date": self.created_at.date()})
