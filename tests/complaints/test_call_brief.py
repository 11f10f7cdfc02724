"""The caseworker's call (issue 9, journey 10): the page where she logs the contact shows what she needs to make
the call — who, how and when to reach her, and what the complaint says — next to the form."""

import pytest
from django.urls import reverse

from complaints import services
from complaints.models import ContactTask

pytestmark = pytest.mark.django_db


def test_the_task_page_shows_the_complaint_and_how_to_reach_the_citizen(client, file_complaint, caseworker):
    complaint = file_complaint(contact_time="Hverdage efter kl. 15", desired_outcome="At sagen bliver set på igen.")
    services.route_complaint(complaint_id=complaint.id)
    task = ContactTask.objects.get(complaint=complaint)
    client.force_login(caseworker)
    page = client.get(reverse("complaints:task", args=[task.id])).content.decode()
    brief = page[page.index("Før du ringer") : page.index("Log kontakten")]  # before the form
    assert complaint.citizen.full_name in brief
    assert '<a href="tel:12345678">12 34 56 78</a>' in brief
    assert "Telefon" in brief and "Hverdage efter kl. 15" in brief
    assert "Jeg forstår ikke, hvorfor vi har fået afslag på aflastning til vores søn." in brief
    assert "At sagen bliver set på igen." in brief


def test_what_the_citizen_left_out_is_said_to_be_missing(client, file_complaint, caseworker):
    complaint = file_complaint(contact_channel="email", phone="")
    services.route_complaint(complaint_id=complaint.id)
    task = ContactTask.objects.get(complaint=complaint)
    client.force_login(caseworker)
    page = client.get(reverse("complaints:task", args=[task.id])).content.decode()
    brief = page[page.index("Før du ringer") : page.index("Log kontakten")]
    assert brief.count("Ikke oplyst") == 2  # no phone, no time given
    assert "tel:" not in brief
