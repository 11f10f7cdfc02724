"""The complaint's dates are DKFDS's date fields (issue 9): the decision's date in the intake (kept in the draft and
shown again), the time of the call on the task page (now, in Europe/Copenhagen, until she changes it) and the
period of a fuldmagt."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import ComplaintDraft, ContactLog, Representation
from tests.date_boxes import assert_boxes, boxes

pytestmark = pytest.mark.django_db


def test_the_decisions_date_is_kept_in_the_draft_and_shown_again(client, citizen, family):
    client.force_login(citizen)
    url = reverse("complaints:create-step", args=["om"])
    decided = timezone.localdate() - timedelta(days=10)
    answer = {"kind": "decision", "department": family.id, "case_number": "13/37262", **boxes("decision_date", decided)}
    assert client.post(url, answer).status_code == 302
    assert ComplaintDraft.objects.get().answers["decision_date"] == f"{decided.year}-{decided.month}-{decided.day}"
    assert_boxes(client.get(url).content.decode(), "decision_date", shows=decided)


def test_the_task_page_offers_now_and_takes_the_time_of_the_call_in_boxes(client, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    client.force_login(caseworker)
    url = reverse("complaints:task", args=[task.id])
    before = timezone.localtime()
    page = client.get(url).content.decode()
    after = timezone.localtime()
    assert_boxes(page, "contacted_at", shows=after.date(), time=None)
    # Now, as the clock in Copenhagen shows it (the minute may have turned while the page was made).
    assert any(f'name="contacted_at_time" value="{moment:%H.%M}"' in page for moment in (before, after))
    form = {
        "action": "contact",
        "channel": "phone",
        **boxes("contacted_at", date(2026, 11, 26), time="10.15"),
        "summary": "Talte med borgeren om sagen.",
        "citizen_understood_decision": "yes",
    }
    assert client.post(url, form).status_code == 302
    logged = ContactLog.objects.get()
    assert logged.contacted_at == datetime(2026, 11, 26, 10, 15, tzinfo=ZoneInfo("Europe/Copenhagen"))


def test_a_fuldmagt_is_given_for_a_period_typed_in_boxes(client, citizen, relative, routed_complaint):
    client.force_login(citizen)
    assert_boxes(client.get("/fuldmagter/").content.decode(), "valid_from")
    today = timezone.localdate()
    form = {
        "representative_email": relative.email,
        "scope": str(routed_complaint.id),
        **boxes("valid_from", today),
        **boxes("valid_until", today + timedelta(days=14)),
    }
    assert client.post("/fuldmagter/", form).status_code == 302
    representation = Representation.objects.get()
    assert (representation.valid_from, representation.valid_until) == (today, today + timedelta(days=14))
