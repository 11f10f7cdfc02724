from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from access_requests import demo as access_requests_demo
from accounts import demo as accounts_demo
from budgets import demo as budgets_demo
from casework import demo as casework_demo
from classification import demo as classification_demo
from committees import demo as committees_demo
from complaints import demo as complaints_demo
from demo import hearings as demo_hearings
from demo import municipality
from escalations import demo as escalations_demo
from events import demo as events_demo
from grants import demo as grants_demo
from hearings import demo as hearings_demo
from ideas import demo as ideas_demo
from retention import demo as retention_demo
from themes import demo as themes_demo

SEEDERS = [
    accounts_demo.seed,
    classification_demo.seed,
    themes_demo.seed,
    ideas_demo.seed,
    grants_demo.seed,
    budgets_demo.seed,
    committees_demo.seed,
    hearings_demo.seed,
    demo_hearings.seed,
    events_demo.seed,
    municipality.seed,
    complaints_demo.seed,
    casework_demo.seed,
    access_requests_demo.seed,
    retention_demo.seed,
    escalations_demo.seed,
]


class Command(BaseCommand):
    help = "Load the demo municipality (idempotent). Only in demo mode (DEMO=1)."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("Demo accounts exist only in demo mode: set DEMO=1.")
        with transaction.atomic():
            for seed in SEEDERS:
                seed()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(
            f"Borgerservice filed a complaint for a phone citizen; claim it as borger@example.dk at "
            f"/mine-data/hent-sag/ with the code {complaints_demo.DEMO_CLAIM_CODE}."
        )
