"""The demo's KLE: a small file of MADE-UP numbers in KL's format (demo/kle/), never the licensed KLE."""

from pathlib import Path

from django.conf import settings

from accounts.models import Department
from classification.models import DepartmentClassification, KleNumber
from classification.services import import_kle

DEMO_KLE = Path(settings.BASE_DIR) / "demo" / "kle"
DEFAULTS = {
    "familiecentret": "91.01.05",
    "natur-og-miljo": "92.02.00",
    "borgerservice": "93.03.00",
    "jobcenter": "93.03.10",
}


def seed() -> None:
    """Import the made-up file (idempotent: the import updates what is there) and map the departments."""
    import_kle(files=[(DEMO_KLE / "emneplan.xml").read_bytes(), (DEMO_KLE / "handlingsfacetter.xml").read_bytes()])
    for slug, number in DEFAULTS.items():
        department = Department.objects.filter(slug=slug).first()
        if department is not None:
            DepartmentClassification.objects.update_or_create(
                department=department, defaults={"default_subject": KleNumber.objects.get(number=number)}
            )
