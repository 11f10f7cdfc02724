"""Retention and erasure: closed cases past their period are anonymised by the beat job (twice is once), the
person and every text and file go, the service figures stay the same; citizens' erasure requests both ways."""

import html
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.services import ERASED_PERSON_EMAIL
from casework.models import Decision, Hearing
from classification.models import KleNumber
from complaints.models import Complaint, ComplaintAttachment, ContactLog, Survey
from complaints.selectors import complaint_facts
from dialogue.models import Message
from retention import services
from retention.models import AnonymisationLog, ErasureRequest, RetentionPeriod

from .conftest import age as _age
from .conftest import figures as _figures

pytestmark = pytest.mark.django_db


def test_the_beat_job_anonymises_a_case_past_its_period_and_the_figures_stay(
    closed_case, family, citizen, file_complaint
):
    young = file_complaint(subject="En nyere klage")
    RetentionPeriod.objects.create(department=family, years=5)
    _age(closed_case, 6)
    now = timezone.now()
    facts_before, figures_before = list(complaint_facts()), _figures(now)
    assert services.anonymise_expired_cases() == 1
    assert services.anonymise_expired_cases() == 0  # twice is once
    case = Complaint.objects.get(id=closed_case.id)
    assert case.citizen.email == ERASED_PERSON_EMAIL and case.anonymised_at is not None
    assert "Hans Jensen" not in case.description and case.phone == "" and case.outcome_note == ""
    assert not ComplaintAttachment.objects.filter(complaint=case).exists()
    assert all("Mette" not in log.summary for log in ContactLog.objects.filter(complaint=case))
    assert Survey.objects.get(complaint=case).comment == ""
    messages = Message.objects.filter(thread=case.thread)
    assert messages.exists() and not messages.filter(author=citizen).exists()
    assert all(m.body == "[anonymiseret]" for m in messages)
    assert not case.thread.participants.filter(user=citizen).exists()
    assert not citizen.access_requests.filter(complaint=case).exists()
    hearing = Hearing.objects.get(complaint=case)
    assert hearing.facts == "[anonymiseret]" and hearing.answer == "" and hearing.answered_at is not None
    decision = Decision.objects.get(complaint=case)
    assert decision.decision == decision.legal_rules == "[anonymiseret]" and not decision.pdf
    assert list(complaint_facts()) == facts_before
    assert _figures(now) == figures_before
    log = AnonymisationLog.objects.get(complaint=case)
    assert log.reason == "retention" and log.removed["attachments"] == 1 and "5 år" in log.rule
    assert Complaint.objects.get(id=young.id).anonymised_at is None  # open, and not past any period


def test_the_kle_period_wins_over_the_departments(closed_case, family):
    subject = KleNumber.objects.create(number="97", title="Opdigtet", level="main_group")
    subject = KleNumber.objects.create(
        number="97.10.00",
        title="Opdigtet emne",
        level="subject",
        parent=KleNumber.objects.create(number="97.10", title="g", level="group", parent=subject),
    )
    Complaint.objects.filter(id=closed_case.id).update(kle_subject=subject)
    RetentionPeriod.objects.create(department=family, years=2)
    RetentionPeriod.objects.create(kle_subject=subject, years=10)
    _age(closed_case, 6)
    assert services.anonymise_expired_cases() == 0
    _age(closed_case, 11)
    assert services.anonymise_expired_cases() == 1
    assert "KLE 97.10.00" in AnonymisationLog.objects.get().rule


def test_a_case_without_a_period_or_still_open_is_kept(closed_case, routed_complaint, family):
    _age(closed_case, 50)
    assert services.anonymise_expired_cases() == 0
    RetentionPeriod.objects.create(department=family, years=1)
    Complaint.objects.filter(id=routed_complaint.id).update(created_at=timezone.now() - timedelta(days=5000))
    assert services.anonymise_expired_cases() == 1
    assert Complaint.objects.get(id=routed_complaint.id).anonymised_at is None


def test_erasure_granted(client, closed_case, citizen, caseworker):
    client.force_login(citizen)
    response = client.post(reverse("retention:erasure-create", args=[closed_case.id]), {"reason": "Jeg vil glemmes."})
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get()
    client.force_login(caseworker)
    assert "Jeg vil glemmes." in client.get(reverse("retention:erasure-detail", args=[erasure.id])).content.decode()
    response = client.post(reverse("retention:erasure-detail", args=[erasure.id]), {"decision": "erase", "grounds": ""})
    assert response.status_code == 302
    assert Complaint.objects.get(id=closed_case.id).citizen.email == ERASED_PERSON_EMAIL
    assert AnonymisationLog.objects.get().reason == "erasure"
    client.force_login(citizen)
    text = client.get(reverse("retention:erasure-detail", args=[erasure.id])).content.decode()
    assert "Oplysningerne i sagen er slettet" in text
    assert client.get(reverse("complaints:detail", args=[closed_case.id])).status_code == 404  # no longer hers


def test_erasure_refused_with_grounds_shown_to_the_citizen(client, routed_complaint, citizen, caseworker):
    erasure = services.request_erasure(citizen=citizen, complaint_id=routed_complaint.id)
    with pytest.raises(ValidationError, match="loven kræver"):
        services.decide_erasure(actor=caseworker, erasure_request=erasure, erase=False)
    with pytest.raises(ValidationError, match="ikke afsluttet"):
        services.decide_erasure(actor=caseworker, erasure_request=erasure, erase=True)
    services.decide_erasure(
        actor=caseworker, erasure_request=erasure, erase=False, grounds="Sagen behandles stadig (arkivloven § 4)."
    )
    client.force_login(citizen)
    text = html.unescape(client.get(reverse("retention:erasure-detail", args=[erasure.id])).content.decode())
    assert "Sagen behandles stadig (arkivloven § 4)." in text
    assert Complaint.objects.get(id=routed_complaint.id).anonymised_at is None
    with pytest.raises(ValidationError, match="allerede afgjort"):
        services.decide_erasure(actor=caseworker, erasure_request=erasure, erase=False, grounds="x")


def test_erasure_doors(client, closed_case, citizen, other_citizen, other_caseworker, secretary, caseworker):
    with pytest.raises(ValidationError):
        services.request_erasure(citizen=other_citizen, complaint_id=closed_case.id)
    erasure = services.request_erasure(citizen=citizen, complaint_id=closed_case.id)
    with pytest.raises(ValidationError, match="allerede bedt"):
        services.request_erasure(citizen=citizen, complaint_id=closed_case.id)
    for person in [other_citizen, other_caseworker, secretary]:
        client.force_login(person)
        assert client.get(reverse("retention:erasure-detail", args=[erasure.id])).status_code == 404
        assert (
            client.post(reverse("retention:erasure-detail", args=[erasure.id]), {"decision": "erase"}).status_code
            == 404
        )
        assert client.get(reverse("retention:erasure-create", args=[closed_case.id])).status_code == 404
        with pytest.raises(PermissionDenied):
            services.decide_erasure(actor=person, erasure_request=erasure, erase=True)
    client.force_login(citizen)
    assert client.post(reverse("retention:erasure-detail", args=[erasure.id]), {"decision": "erase"}).status_code == 403
    assert Complaint.objects.get(id=closed_case.id).anonymised_at is None


def test_the_log_page_is_for_staff(client, closed_case, family, caseworker, citizen, other_caseworker):
    RetentionPeriod.objects.create(department=family, years=1)
    _age(closed_case, 2)
    services.anonymise_expired_cases()
    client.force_login(caseworker)
    text = client.get(reverse("retention:overview")).content.decode()
    assert closed_case.reference in text and "Anonymiserede sager" in text
    client.force_login(other_caseworker)
    assert closed_case.reference not in client.get(reverse("retention:overview")).content.decode()
    client.force_login(citizen)
    assert "Anonymiserede sager" not in client.get(reverse("retention:overview")).content.decode()
