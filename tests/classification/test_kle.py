"""KLE: importing the municipality's own file (made-up numbers here), defaults at intake, the caseworker's change."""

import html
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from classification.models import DepartmentClassification, KleFacet, KleNumber
from complaints import services as complaint_services

HERE = Path(__file__).parent
EMNEPLAN, FACETS = HERE / "emneplan.xml", HERE / "handlingsfacetter.xml"
pytestmark = pytest.mark.django_db


@pytest.fixture
def kle(db):
    call_command("import_kle", str(EMNEPLAN), str(FACETS))
    return {number.number: number for number in KleNumber.objects.all()}


def test_import_reads_main_groups_groups_subjects_and_facets(kle):
    assert kle["97"].level == KleNumber.Level.MAIN_GROUP and kle["97"].parent is None
    assert kle["97.10"].parent == kle["97"] and kle["97.10"].level == KleNumber.Level.GROUP
    assert kle["97.10.00"].parent == kle["97.10"] and kle["97.10.00"].title == "Opdigtet emne i almindelighed"
    assert kle["97.20.05"].level == KleNumber.Level.SUBJECT
    assert kle["97.10.01"].active is False  # UdgaaetDato
    assert KleFacet.objects.get(number="K97").category == KleFacet.objects.get(number="K")


def test_import_twice_changes_nothing_and_a_number_left_out_is_retired(kle, tmp_path):
    call_command("import_kle", str(EMNEPLAN))
    assert KleNumber.objects.count() == len(kle)
    smaller = tmp_path / "smaller.xml"
    smaller.write_text(
        EMNEPLAN.read_text().replace(
            "<Emne><EmneNr>97.20.05</EmneNr><EmneTitel>Opdigtet klageemne</EmneTitel></Emne>", ""
        )
    )
    call_command("import_kle", str(smaller))
    assert KleNumber.objects.get(number="97.20.05").active is False


BAD_FILES = {
    "not xml": b"this is not xml",
    "wrong root": b"<Emneplan><Hovedgruppe/></Emneplan>",
    "empty": b"<KLE-Emneplan></KLE-Emneplan>",
    "bad number": (
        b"<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>9X</HovedgruppeNr><HovedgruppeTitel>A</HovedgruppeTitel>"
        b"</Hovedgruppe></KLE-Emneplan>"
    ),
    "wrong parent": (
        b"<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>97</HovedgruppeNr><HovedgruppeTitel>A</HovedgruppeTitel>"
        b"<Gruppe><GruppeNr>98.10</GruppeNr><GruppeTitel>B</GruppeTitel></Gruppe></Hovedgruppe></KLE-Emneplan>"
    ),
    "no title": b"<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>97</HovedgruppeNr></Hovedgruppe></KLE-Emneplan>",
    "twice": (
        b"<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>97</HovedgruppeNr><HovedgruppeTitel>A</HovedgruppeTitel></Hovedgruppe>"
        b"<Hovedgruppe><HovedgruppeNr>97</HovedgruppeNr><HovedgruppeTitel>A</HovedgruppeTitel></Hovedgruppe></KLE-Emneplan>"
    ),
    "entity bomb": (
        b'<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>97</HovedgruppeNr><HovedgruppeTitel>&b;</HovedgruppeTitel>"
        b"</Hovedgruppe></KLE-Emneplan>"
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_imports_nothing_with_a_clear_error(name, tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(BAD_FILES[name])
    with pytest.raises(CommandError, match="Intet er importeret"):
        # A good file beside the bad one is not imported either: all or nothing.
        call_command("import_kle", str(FACETS), str(bad))
    assert not KleNumber.objects.exists() and not KleFacet.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Kan ikke læse filen"):
        call_command("import_kle", str(tmp_path / "nowhere.xml"))


def test_intake_gives_the_department_default_and_the_complaint_facet(kle, family, file_complaint):
    DepartmentClassification.objects.create(department=family, default_subject=kle["97.10.00"])
    complaint = file_complaint()
    complaint_services.route_complaint(complaint_id=complaint.id)  # intake's after-commit part
    complaint.refresh_from_db()
    assert complaint.kle_subject == kle["97.10.00"]
    assert complaint.kle_facet.number == "K"
    assert complaint.case_number == ""  # the case number format is untouched


def test_without_kle_a_complaint_has_none(file_complaint):
    complaint = file_complaint()
    assert complaint.kle_subject is None and complaint.kle_facet is None


def test_the_caseworker_changes_the_kle_subject(kle, client, routed_complaint, caseworker):
    client.force_login(caseworker)
    page = client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    assert "Klassifikation (KLE)" in page.content.decode()
    response = client.post(
        reverse("complaints:classify", args=[routed_complaint.id]), {"kle_subject": kle["97.20.05"].id}
    )
    assert response.status_code == 302
    routed_complaint.refresh_from_db()
    assert routed_complaint.kle_subject == kle["97.20.05"]


def test_a_retired_or_group_number_is_refused_and_nothing_changes(kle, client, routed_complaint, caseworker):
    client.force_login(caseworker)
    for number in ["97.10.01", "97.10"]:
        response = client.post(
            reverse("complaints:classify", args=[routed_complaint.id]), {"kle_subject": kle[number].id}
        )
        assert response.status_code == 400
        assert "Marker en gyldig valgmulighed" in html.unescape(response.content.decode())
    routed_complaint.refresh_from_db()
    assert routed_complaint.kle_subject is None


def test_others_cannot_classify(kle, client, routed_complaint, other_caseworker, citizen, secretary):
    for person in [other_caseworker, secretary]:
        client.force_login(person)
        response = client.post(
            reverse("complaints:classify", args=[routed_complaint.id]), {"kle_subject": kle["97.20.05"].id}
        )
        assert response.status_code == 404
    client.force_login(citizen)
    response = client.post(
        reverse("complaints:classify", args=[routed_complaint.id]), {"kle_subject": kle["97.20.05"].id}
    )
    assert response.status_code == 403
    routed_complaint.refresh_from_db()
    assert routed_complaint.kle_subject is None
    with pytest.raises(PermissionDenied):
        complaint_services.classify_complaint(actor=citizen, complaint=routed_complaint, kle_subject=kle["97.20.05"])
