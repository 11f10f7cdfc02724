"""The secretary's handling of escalated themes — dismissing, merging, placing on an agenda, the committee's
settings — leaves one row each in the audit trail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees import services as committees
from escalations import services
from escalations.models import EscalationSettings
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def escalations(follows, themed, road, waste):
    now = timezone.now()
    for hours in range(1, 7):
        themed(road, now - timedelta(hours=hours))
        themed(waste, now - timedelta(hours=hours))
    return {e.theme.slug: e for e in services.escalate_themes(now=now)}


def test_dismissing_merging_and_placing_write_their_rows(escalations, secretary, committee):
    road, waste = escalations["vej-og-trafik"], escalations["affald"]
    mark = last_action_id()
    services.merge_escalation(actor=secretary, escalation=waste, into=road)
    row = assert_recorded(since=mark, actor=secretary, action="escalations.merge_escalation", target=waste)
    assert row.details == {"into": road.id}
    meeting = committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )
    mark = last_action_id()
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=road.id)
    row = assert_recorded(since=mark, actor=secretary, action="committees.place_proposal", target=item)
    assert row.details == {"kind": "theme", "object_id": road.id}


def test_dismissing_writes_its_row(escalations, secretary):
    road = escalations["vej-og-trafik"]
    mark = last_action_id()
    services.dismiss_escalation(actor=secretary, escalation=road, reason="Behandlet i foråret.")
    row = assert_recorded(since=mark, actor=secretary, action="escalations.dismiss_escalation", target=road)
    assert row.details == {"reason": "Behandlet i foråret."}


def test_changing_the_settings_writes_its_row(follows, secretary, committee, road):
    mark = last_action_id()
    services.update_settings(
        actor=secretary, committee=committee, threshold=10, window_days=14, rise_factor=2.0, themes=[road]
    )
    row = assert_recorded(
        since=mark,
        actor=secretary,
        action="escalations.update_settings",
        target=EscalationSettings.objects.get(committee=committee),
    )
    assert row.details == {"threshold": 10, "window_days": 14, "rise_factor": 2.0, "themes": [road.id]}
