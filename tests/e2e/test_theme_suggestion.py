"""End to end: a complaint filed through the live server's API gets its themes suggested by the real Celery worker
after commit."""

import pytest

from complaints.models import Complaint, ContactTask
from tests.e2e.live import wait_until


@pytest.mark.django_db(transaction=True)
def test_the_worker_suggests_themes_and_routes_after_commit(live_stack, citizen, family, caseworker,
                                                            suggestion_model, demo_themes):  # fmt: skip
    payload = {
        "kind": "decision",
        "department": family.slug,
        "subject": "Afslag på plejebolig",
        "description": "Min mor på 87 år har fået skåret hjemmehjælpen ned, og hjemmeplejen kommer for sent.",
        "contact_channel": "email",
        "notify_about_decisions": True,
    }
    status, body = live_stack.call("POST", "/api/complaints/", citizen, payload)
    assert status == 201, body
    complaint = Complaint.objects.get(id=body["id"])

    suggested = wait_until(lambda: list(complaint.theme_suggestions.select_related("theme")))
    assert suggested[0].theme == demo_themes["aeldrepleje"]
    assert wait_until(lambda: ContactTask.objects.filter(complaint=complaint, kind="early_contact").exists())
    complaint.refresh_from_db()
    assert complaint.themes_suggested_at is not None
    assert not complaint.themes.exists()  # a suggestion, for staff to confirm
