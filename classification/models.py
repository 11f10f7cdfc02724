"""KLE, the municipalities' classification of tasks, as the municipality imports it from its own licensed file.

KLE belongs to KL and is licensed to each municipality: the product never ships it. `import_kle` reads the XML
that KL delivers (the emneplan and the handlingsfacetter) into these tables.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from core.models import TimeStampedModel

KLE_NUMBER_RE = r"^\d{2}(?:\.\d{2}){0,2}$"


class KleNumber(TimeStampedModel):
    """A main group (27), group (27.24) or subject (27.24.00) of the emneplan."""

    class Level(models.TextChoices):
        MAIN_GROUP = "main_group", _("Hovedgruppe")
        GROUP = "group", _("Gruppe")
        SUBJECT = "subject", _("Emne")

    number = models.CharField(_("KLE-nummer"), max_length=8, unique=True, validators=[RegexValidator(KLE_NUMBER_RE)])
    title = models.CharField(_("titel"), max_length=300)
    level = models.CharField(_("niveau"), max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("over")
    )
    active = models.BooleanField(
        _("gældende"), default=True, help_text=_("Udgåede numre bliver stående for sagernes skyld.")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("KLE-nummer")
        verbose_name_plural = _("KLE-numre")
        constraints = [
            models.CheckConstraint(condition=Q(number__regex=KLE_NUMBER_RE), name="kle_number_format"),
            models.CheckConstraint(
                condition=Q(level="main_group", parent__isnull=True) | ~Q(level="main_group") & Q(parent__isnull=False),
                name="kle_parent_unless_main_group",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class KleFacet(TimeStampedModel):
    """A handlingsfacet: what kind of action a case is (a category such as K, or a facet such as K07)."""

    number = models.CharField(_("handlingsfacet"), max_length=8, unique=True)
    title = models.CharField(_("titel"), max_length=300)
    category = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="facets", verbose_name=_("kategori")
    )
    active = models.BooleanField(_("gældende"), default=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("handlingsfacet")
        verbose_name_plural = _("handlingsfacetter")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class DepartmentClassification(TimeStampedModel):
    """The KLE subject a department's complaints get at intake, until a caseworker changes it."""

    department = models.OneToOneField(
        Department, on_delete=models.CASCADE, related_name="classification", verbose_name=_("afdeling")
    )
    default_subject = models.ForeignKey(
        KleNumber,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": KleNumber.Level.SUBJECT},
        verbose_name=_("KLE-emne som standard"),
    )

    class Meta:
        verbose_name = _("afdelingens KLE-emne")
        verbose_name_plural = _("afdelingernes KLE-emner")

    def __str__(self) -> str:
        return f"{self.department}: {self.default_subject.number}"
