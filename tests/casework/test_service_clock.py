"""The service clock stops while the case waits for the citizen; statutory deadlines never do. The public
figures' "time to decision" follows that rule (read through casework.selectors)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from casework import services
from casework.models import Decision, Hearing
from casework.selectors import complaint_facts_with_decision_time
from complaints.models import Complaint
from figures.models import ServiceFigure
from figures.services import refresh_service_figures
from tests.casework.conftest import GROUNDS

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def facts_of(complaint):
    return next(f for f in complaint_facts_with_decision_time() if f["id"] == complaint.id)


def hearing_at(complaint, caseworker, *, sent, deadline, ended=None, status="answered"):
    hearing = services.send_hearing(actor=caseworker, complaint=complaint, facts="Oplysninger fra skolen.")
    Hearing.objects.filter(id=hearing.id).update(
        sent_at=sent, deadline=deadline, first_deadline=deadline, ended_at=ended or deadline, status=status
    )


def decide_at(complaint, caseworker, moment):
    decision = services.send_decision(actor=caseworker, complaint=complaint, kind="new", decision="Nej.", **GROUNDS)
    Decision.objects.filter(id=decision.id).update(sent_at=moment)


def test_waiting_for_her_answer_is_taken_off_the_time_to_decision(caseworker, routed_complaint):
    received = routed_complaint.created_at
    hearing_at(
        routed_complaint, caseworker, sent=received + DAY, deadline=received + 20 * DAY, ended=received + 4 * DAY
    )
    decide_at(routed_complaint, caseworker, received + 10 * DAY)
    facts = facts_of(routed_complaint)
    assert facts["decided_at"] == received + 10 * DAY
    assert facts["waited_before_decision"] == 3 * DAY


def test_an_unanswered_hearing_pauses_only_until_its_deadline(caseworker, routed_complaint):
    received = routed_complaint.created_at
    hearing_at(routed_complaint, caseworker, sent=received + DAY, deadline=received + 6 * DAY, status="expired")
    decide_at(routed_complaint, caseworker, received + 10 * DAY)
    assert facts_of(routed_complaint)["waited_before_decision"] == 5 * DAY


def test_waiting_after_the_first_decision_does_not_count(caseworker, routed_complaint):
    received = routed_complaint.created_at
    decide_at(routed_complaint, caseworker, received + 2 * DAY)
    hearing_at(routed_complaint, caseworker, sent=received + 3 * DAY, deadline=received + 9 * DAY)
    facts = facts_of(routed_complaint)
    assert facts["decided_at"] == received + 2 * DAY and facts["waited_before_decision"] is None


def test_the_public_figures_give_time_to_decision_with_the_clock_paused(client, caseworker, routed_complaint, settings):
    settings.FIGURES_MIN_GROUP_SIZE = 1
    received = routed_complaint.created_at
    hearing_at(
        routed_complaint, caseworker, sent=received + DAY, deadline=received + 20 * DAY, ended=received + 4 * DAY
    )
    decide_at(routed_complaint, caseworker, received + 10 * DAY)
    refresh_service_figures()
    refresh_service_figures()  # the beat job twice: the same figures
    figure = ServiceFigure.objects.get(period="year", department=routed_complaint.department)
    assert (figure.decided, figure.median_days_to_decision) == (1, pytest.approx(7.0))
    page = client.get(reverse("figures:service"), {"year": received.year}).content.decode()
    assert "Tid til afgørelse" in page and "tæller ikke med" in page and "Lovens frister står aldrig stille" in page


def test_a_statutory_deadline_never_pauses(citizen, caseworker, routed_complaint):
    due = routed_complaint.genvurdering_due
    hearing = services.send_hearing(actor=caseworker, complaint=routed_complaint, facts="Oplysninger fra skolen.")
    services.request_extension(actor=citizen, hearing=hearing, reason="Jeg er syg.")
    services.decide_extension(actor=caseworker, hearing=hearing, grant=True)
    assert Complaint.objects.get(id=routed_complaint.id).genvurdering_due == due
