"""The caseworker's decision on a request for aktindsigt leaves a row in the audit trail."""

import pytest

from access_requests import services
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_deciding_writes_its_row(own_request, caseworker):
    choices = {
        d.id: services.DocumentChoice(release=False, grounds="Private forhold, § 30.")
        for d in own_request.documents.all()
    }
    mark = last_action_id()
    services.decide_access_request(actor=caseworker, access_request=own_request, choices=choices, grounds="Afslag.")
    row = assert_recorded(
        since=mark, actor=caseworker, action="access_requests.decide_access_request", target=own_request
    )
    assert row.details == {"decision": "refused", "released": 0, "documents": len(choices)}
