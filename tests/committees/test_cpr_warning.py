"""Publishing warns when an open item's text still holds what looks like a CPR number (in any spelling
themes.redaction knows): the secretary removes it, closes the item, or overrides the warning with a reason."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from committees import services
from committees.selectors import open_agenda_warnings

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(committee, secretary):
    return services.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )


def item_with(secretary, meeting, description: str, **fields):
    return services.add_item(
        actor=secretary,
        meeting=meeting,
        title="Klager over vejene",
        item_type="discussion",
        recommendation="Udvalget drøfter sagen.",
        description=description,
        **fields,
    )


@pytest.mark.parametrize("number", ["150585–4321", "15.05.85-4321", "15 05 85 4321", "010203 - 1234", "cpr 3213991234"])
def test_an_open_item_with_a_cpr_number_stops_publishing_until_it_is_removed(secretary, meeting, number):
    item = item_with(secretary, meeting, f"En borger skrev: min mands nummer er {number}.")
    assert [w.code for w in open_agenda_warnings(meeting=meeting)] == ["cpr-number"]
    with pytest.raises(ValidationError) as error:
        services.publish_agenda(actor=secretary, meeting=meeting)
    assert "CPR-nummer" in " ".join(error.value.message_dict["status"])
    meeting.refresh_from_db()
    assert meeting.status == "planned"
    services.update_item(actor=secretary, item=item, description="En borger skrev: min mands nummer er [cpr-nr.].")
    assert services.publish_agenda(actor=secretary, meeting=meeting).status == "agenda_published"


def test_a_closed_item_or_a_number_that_is_no_date_gives_no_warning(secretary, meeting):
    item_with(secretary, meeting, "Borgerens CPR-nummer er 150585-4321.", is_public=False)
    item_with(secretary, meeting, "Sagsnummer 13/37262, bestillingsnummer 310299 1234 og 1.250.000 kr.")
    assert open_agenda_warnings(meeting=meeting) == []


def test_the_warning_can_be_overridden_with_a_reason(secretary, meeting):
    item = item_with(secretary, meeting, "Kontonummer 150585 4321 i kommunens bank.")
    services.override_warning(
        actor=secretary, item=item, code="cpr-number", reason="Et kontonummer, ikke et CPR-nummer."
    )
    assert services.publish_agenda(actor=secretary, meeting=meeting).status == "agenda_published"
