"""An organiser's event — created, changed, its report written — leaves one row each in the audit trail."""

import pytest

from events import services
from tests.events.conftest import shift
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_creating_changing_and_reporting_write_their_rows(make_event, organiser):
    mark = last_action_id()
    event = make_event()
    assert_recorded(since=mark, actor=organiser, action="events.create_event", target=event)
    mark = last_action_id()
    services.update_event(actor=organiser, event=event, capacity=5, speakers=["Anne Hansen"])
    row = assert_recorded(since=mark, actor=organiser, action="events.update_event", target=event)
    assert row.details == {"changed": ["capacity", "speakers"]}
    event = shift(event, days=-11)
    mark = last_action_id()
    services.write_report(actor=organiser, event=event, report="30 kom.")
    assert_recorded(since=mark, actor=organiser, action="events.write_report", target=event)
