"""The theme taxonomy, and the trained model that suggests themes from text."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class Theme(TimeStampedModel):
    """What many complaints and ideas can have in common, e.g. "Vej og trafik"."""

    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(_("kort navn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), max_length=2000, blank=True)
    active = models.BooleanField(_("aktiv"), default=True, help_text=_("Kun aktive emner kan vælges og foreslås."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_theme_name_ci")]

    def __str__(self) -> str:
        return self.name


class ThemeSuggestion(models.Model):
    """A theme suggested from an item's text, for staff to confirm or change.

    Abstract: the app that owns the item keeps the table, with a foreign key to the item whose related name is
    `theme_suggestions`; themes.services.store_theme_suggestions fills it, once per item.
    """

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-score", "id"]

    def __str__(self) -> str:
        return f"{self.theme_id} ({self.score:.2f})"


class SuggestionModel(TimeStampedModel):
    """A trained theme classifier (themes.classifier) with how well it did on held-back examples.

    The newest row is the one in use. The blob is written only by train_suggestion_model.
    """

    examples = models.PositiveIntegerField(_("eksempler"))
    holdout = models.PositiveIntegerField(_("holdt tilbage til måling"))
    themes = models.PositiveIntegerField(_("emner"))
    top1_accuracy = models.FloatField(_("træfsikkerhed (top-1)"), null=True, blank=True)
    micro_f1 = models.FloatField(_("micro-F1"), null=True, blank=True)
    blob = models.BinaryField()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("forslagsmodel")
        verbose_name_plural = _("forslagsmodeller")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.examples})"
