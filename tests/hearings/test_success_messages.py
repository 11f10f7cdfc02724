"""The department's writes on a hearing's pages say what happened (a success message on the page they lead to):
the hearing saved, sections added, saved and removed, files added and removed, parties invited (sent twice with one
key: the same message) and uninvited, and the høringsnotat's parts saved."""

import re

import pytest
from django.urls import reverse

from hearings.models import HearingFile, Invitation
from tests.committees.conftest import pdf_upload
from tests.success_messages import assert_told

from .conftest import past_deadline

pytestmark = pytest.mark.django_db


def keys(page: str) -> list[str]:
    return re.findall(r'name="idempotency_key" value="([0-9a-f]{32})"', page)


def test_the_draft_its_sections_files_and_parties(client, staff, make_hearing, elder_council):
    hearing = make_hearing(publish=False)
    client.force_login(staff)
    edit = {
        "title": "Ny ældrepolitik",
        "summary": "Kommunen vil skrive en ny ældrepolitik.",
        "starts_on": "2030-01-01",
        "ends_on": "2030-02-01",
    }
    assert_told(client.post(reverse("hearings:edit", args=[hearing.id]), edit, follow=True), "Høringen er gemt.")
    section_key, file_key, invite_key = keys(client.get(reverse("hearings:manage", args=[hearing.id])).text)

    section = {"title": "Formål", "body": "Politikkens formål.", "idempotency_key": section_key}
    for _ in range(2):
        response = client.post(reverse("hearings:section-add", args=[hearing.id]), section, follow=True)
        assert_told(response, "Afsnittet er tilføjet udkastet.")
    url = reverse("hearings:section-edit", args=[hearing.id, 1])
    assert_told(client.post(url, {"title": "Rettet", "body": "Ny tekst."}, follow=True), "Afsnittet er gemt.")
    assert_told(client.post(url, {"remove": "1"}, follow=True), "Afsnittet er fjernet fra udkastet.")

    stored = {"title": "Udkast", "file": pdf_upload("udkast.pdf"), "idempotency_key": file_key}
    assert_told(
        client.post(reverse("hearings:file-add", args=[hearing.id]), stored, follow=True), "Bilaget er tilføjet."
    )
    stored_file = HearingFile.objects.get(hearing=hearing)
    url = reverse("hearings:file-remove", args=[hearing.id, stored_file.id])
    assert_told(client.post(url, follow=True), "Bilaget er fjernet.")

    invite = {"party": f"council-{elder_council.id}", "idempotency_key": invite_key}
    for _ in range(2):  # the second time the council is no longer a choice: the first's answer again
        response = client.post(reverse("hearings:invite", args=[hearing.id]), invite, follow=True)
        assert_told(response, "Ældrerådet er inviteret til høringen.")
    invitation = Invitation.objects.get(hearing=hearing)
    url = reverse("hearings:uninvite", args=[hearing.id, invitation.id])
    assert_told(client.post(url, follow=True), "Ældrerådet er ikke længere inviteret.")


def test_the_notat(client, staff, open_hearing):
    hearing = past_deadline(open_hearing)
    client.force_login(staff)
    url = reverse("hearings:note-edit", args=[hearing.id])
    response = client.post(url, {"action": "summary", "note_summary": "To råd har svaret."}, follow=True)
    assert_told(response, "De generelle bemærkninger er gemt.")
    section = {"action": "section-1", "s1-summary": "Rådene bakker op.", "s1-comment": "Enig.", "s1-changes_draft": ""}
    assert_told(client.post(url, section, follow=True), "Notatet til afsnit 1 er gemt.")
