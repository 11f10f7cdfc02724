"""Every write of the secretary on meetings, agendas, decisions and minutes leaves one row in the audit trail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from committees import services
from tests.committees.conftest import add_items, pdf_upload
from tests.meetings import hold_meeting
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def later(days: int):
    return timezone.now() + timedelta(days=days)


def _create_meeting(committee, secretary):
    return services.create_meeting(actor=secretary, committee=committee, start=later(9), place="lokale 2")


def _update_meeting(meeting, secretary):
    return services.update_meeting(actor=secretary, meeting=meeting, start=later(8), place="lokale 3")


def _add_item(meeting, secretary):
    (item,) = add_items(secretary, meeting, 1, prefix="Nyt punkt")
    return item


def _update_item(meeting, secretary):
    item = meeting.items.first()
    return services.update_item(actor=secretary, item=item, title="Nyt navn")


def _move_item(meeting, secretary):
    item = meeting.items.order_by("order").first()
    return services.move_item(actor=secretary, item=item, direction="down")


def _remove_item(meeting, secretary):
    item = meeting.items.first()
    services.remove_item(actor=secretary, item=item)
    return item


def _add_attachment(meeting, secretary):
    item = meeting.items.first()
    services.add_attachment(actor=secretary, item=item, title="Bilag", upload=pdf_upload())
    return item


def _remove_attachment(meeting, secretary):
    item = meeting.items.first()
    attachment = services.add_attachment(actor=secretary, item=item, title="Bilag", upload=pdf_upload())
    mark = last_action_id()
    services.remove_attachment(actor=secretary, attachment=attachment)
    return mark, item


def _override_warning(meeting, secretary):
    item = meeting.items.first()
    services.update_item(actor=secretary, item=item, description="Kontonummer 150585 4321 i kommunens bank.")
    mark = last_action_id()
    services.override_warning(actor=secretary, item=item, code="cpr-number", reason="Et kontonummer, ikke CPR.")
    return mark, item


def _publish_agenda(meeting, secretary):
    return services.publish_agenda(actor=secretary, meeting=meeting)


def _mark_meeting_held(meeting, secretary):
    return hold_meeting(meeting, by=secretary)


def _record_decision(meeting, secretary):
    item = meeting.items.first()
    return services.record_decision(actor=secretary, item=item, decision="Udvalget tog sagen til efterretning.")


def _publish_minutes(meeting, secretary):
    for item in meeting.items.all():
        services.record_decision(actor=secretary, item=item, decision="Taget til efterretning.")
    mark = last_action_id()
    return mark, services.publish_minutes(actor=secretary, meeting=meeting)


CASES = {
    "committees.create_meeting": ("committee", _create_meeting),
    "committees.update_meeting": ("planned_meeting", _update_meeting),
    "committees.add_item": ("planned_meeting", _add_item),
    "committees.update_item": ("planned_meeting", _update_item),
    "committees.move_item": ("planned_meeting", _move_item),
    "committees.remove_item": ("planned_meeting", _remove_item),
    "committees.add_attachment": ("planned_meeting", _add_attachment),
    "committees.remove_attachment": ("planned_meeting", _remove_attachment),
    "committees.override_warning": ("planned_meeting", _override_warning),
    "committees.publish_agenda": ("planned_meeting", _publish_agenda),
    "committees.mark_meeting_held": ("published_meeting", _mark_meeting_held),
    "committees.record_decision": ("held_meeting", _record_decision),
    "committees.publish_minutes": ("held_meeting", _publish_minutes),
}


@pytest.mark.parametrize("action", CASES)
def test_each_secretary_service_writes_its_row(request, secretary, action):
    """Where a case must set things up first, it returns its own mark with the target."""
    fixture, act = CASES[action]
    given = request.getfixturevalue(fixture)
    mark = last_action_id()
    target = act(given, secretary)
    if isinstance(target, tuple):
        mark, target = target
    assert_recorded(since=mark, actor=secretary, action=action, target=target)
