"""A closed case with everything in it, files in a temporary private storage, and the stored figures."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from access_requests import services as access_services
from casework import services as casework
from complaints import services as complaint_services
from complaints.models import Complaint, Survey
from dialogue import services as dialogue
from figures.models import ServiceFigure
from figures.services import refresh_service_figures
from tests.files import PDF


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture
def closed_case(file_complaint, caseworker, citizen):
    """A case with everything: attachment, contact log, thread messages, survey answer, access request; closed."""
    complaint = file_complaint(description="Min nabo Hans Jensen ved, hvad der skete. Mit nummer er 12 34 56 78.")
    complaint_services.add_complaint_attachment(
        actor=citizen,
        complaint=complaint,
        title="Afgørelsen",
        upload=SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
    )
    task = complaint_services.route_complaint(complaint_id=complaint.id)
    complaint_services.log_contact(
        actor=caseworker, task=task, channel="phone", contacted_at=timezone.now() - timedelta(hours=1),
        summary="Talte med Mette om aflastningen.", citizen_understood_decision="yes",
    )  # fmt: skip
    complaint.refresh_from_db()
    dialogue.post_message(author=citizen, thread=complaint.thread, body="Tak for snakken, Tina.", client_id="c1")
    hearing = casework.send_hearing(
        actor=caseworker, complaint=complaint, facts="Naboen Hans Jensen har oplyst, at ..."
    )
    casework.answer_hearing(actor=citizen, hearing=hearing, answer="Det passer ikke, Hans Jensen tager fejl.")
    casework.send_decision(
        actor=caseworker, complaint=complaint, kind="new", decision="Du får aflastning hver anden weekend.",
        legal_rules="Serviceloven § 84.", considerations="Barnets behov.", facts="Oplysningerne fra mødet.",
        complaint_guidance="Klag til Ankestyrelsen inden fire uger.", full_agreement=False,
    )  # fmt: skip
    access_services.request_access(requester=citizen, complaint_id=complaint.id)
    complaint_services.close_complaint(
        actor=caseworker, complaint=complaint, outcome="resolved_in_dialogue", note="Vi fandt en løsning."
    )
    Survey.objects.filter(complaint=complaint).update(rating=4, understood_decision=True, comment="Tak til Tina Jepsen")
    return Complaint.objects.get(id=complaint.id)


def age(complaint, years: int) -> None:
    Complaint.objects.filter(id=complaint.id).update(closed_at=timezone.now() - timedelta(days=365 * years + 2))


def figures(now):
    """Every stored service figure, its anonymous numbers only."""
    refresh_service_figures(now=now)
    counts = [f.name for f in ServiceFigure._meta.fields if f.name != "id" and f.get_internal_type() != "DateTimeField"]
    return sorted(ServiceFigure.objects.values_list(*counts))
