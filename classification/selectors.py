"""Reads of the classification."""

from django.conf import settings
from django.db.models import QuerySet

from classification.models import DepartmentClassification, KleFacet, KleNumber


def kle_subjects() -> QuerySet[KleNumber]:
    """The subjects a case can be classified under (emne level, in force)."""
    return KleNumber.objects.filter(level=KleNumber.Level.SUBJECT, active=True).order_by("number")


def default_subject_for(*, department_id: int) -> KleNumber | None:
    mapping = (
        DepartmentClassification.objects.select_related("default_subject").filter(department_id=department_id).first()
    )
    return mapping.default_subject if mapping is not None else None


def complaint_facet() -> KleFacet | None:
    """The handlingsfacet complaints carry (settings.KLE_COMPLAINT_FACET, K unless the municipality says
    otherwise), once the municipality's handlingsfacetter are imported."""
    return KleFacet.objects.filter(number=settings.KLE_COMPLAINT_FACET).first()
