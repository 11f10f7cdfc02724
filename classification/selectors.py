"""Reads of the classification."""

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery

from classification.models import DepartmentClassification, KleFacet, KleNumber


def kle_subjects() -> QuerySet[KleNumber]:
    """The subjects a case can be classified under (emne level, in force)."""
    return KleNumber.objects.filter(level=KleNumber.Level.SUBJECT, active=True).order_by("number")


def default_subject_id_of_department() -> Subquery:
    """The KLE subject id of the department in the outer query (`OuterRef("id")`), as an annotation: routing
    reads it in the statement that locks the department instead of asking twice more."""
    mapping = DepartmentClassification.objects.filter(department_id=OuterRef("id"))
    return Subquery(mapping.values("default_subject_id")[:1])


def complaint_facet_id() -> Subquery:
    """complaint_facet()'s id, as an annotation of another query."""
    return Subquery(KleFacet.objects.filter(number=settings.KLE_COMPLAINT_FACET).values("id")[:1])


def complaint_facet() -> KleFacet | None:
    """The handlingsfacet complaints carry (settings.KLE_COMPLAINT_FACET, K unless the municipality says
    otherwise), once the municipality's handlingsfacetter are imported."""
    return KleFacet.objects.filter(number=settings.KLE_COMPLAINT_FACET).first()
