"""Whether a participant takes part today is written twice in dialogue.permissions, as a queryset filter
(current_participant_q, for lists) and for one row already read (is_current, which every message asks): here
both are asked about every combination of dates around today, so they cannot drift apart."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dialogue.models import Participant
from dialogue.permissions import current_participant_q, current_participation, is_current
from dialogue.services import set_representative

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = timedelta(days=1)
DATES = [None, TODAY - DAY, TODAY, TODAY + DAY]


@pytest.mark.parametrize("valid_from", DATES)
@pytest.mark.parametrize("valid_until", DATES)
def test_is_current_and_current_participant_q_agree(thread, citizen, other_citizen, valid_from, valid_until):
    representative = set_representative(
        thread=thread, user=other_citizen, on_behalf_of=citizen, valid_from=valid_from, valid_until=valid_until
    )
    in_the_list = Participant.objects.filter(current_participant_q(), id=representative.id).exists()
    assert is_current(representative) == in_the_list
    assert (current_participation(other_citizen, thread) is not None) == in_the_list
    expected = (valid_from is None or valid_from <= TODAY) and (valid_until is None or valid_until >= TODAY)
    assert in_the_list == expected
