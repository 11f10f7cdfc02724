"""Aktindsigt: asking, the redacted documents reviewed before and after, partial access with grounds per
document, release to the requester, and who may see what (pages and API)."""

import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from access_requests import services
from access_requests.models import AccessDocument, AccessRequest
from accounts.models import PersonalDataAccess
from casework import services as casework
from dialogue import services as dialogue

from .conftest import NEIGHBOUR_TEXT

pytestmark = pytest.mark.django_db


def page(client, user, access_request):
    client.force_login(user)
    response = client.get(reverse("access_requests:detail", args=[access_request.id]))
    return response.status_code, html.unescape(response.content.decode())


def test_the_documents_are_proposed_with_other_peoples_data_removed(own_request):
    complaint_document = own_request.documents.get(kind=AccessDocument.Kind.COMPLAINT)
    assert "Hans Jensen" not in complaint_document.released_text and "[navn]" in complaint_document.released_text
    assert "12 34 56 78" not in complaint_document.released_text and "[telefon]" in complaint_document.released_text
    assert "aflastning" in complaint_document.released_text
    assert own_request.is_party and own_request.status == AccessRequest.Status.OPEN


def test_the_caseworker_reviews_before_and_after_the_requester_sees_nothing_yet(
    client, own_request, citizen, caseworker
):
    status, text = page(client, caseworker, own_request)
    assert status == 200
    assert "Før (som i sagen)" in text and NEIGHBOUR_TEXT in text  # before
    assert "Min nabo [navn] sagde" in text  # after, in the field she may correct
    assert PersonalDataAccess.objects.filter(viewer=caseworker, subject=citizen, what__startswith="Aktindsigt").exists()
    status, text = page(client, citizen, own_request)
    assert (
        status == 200 and "[navn]" not in text and "Hans Jensen" not in text.split("<main")[-1].split("Anmodningen")[0]
    )


def _form(access_request, **overrides):
    data = {"grounds": ""}
    for document in access_request.documents.all():
        data |= {
            f"document_{document.id}": "release",
            f"text_{document.id}": document.released_text,
            f"grounds_{document.id}": "",
        }
    return data | overrides


def test_partial_access_needs_grounds_per_withheld_document_and_for_the_decision(
    client, case, own_request, citizen, caseworker
):
    dialogue.post_message(
        author=caseworker, thread=case.thread, body="Jeg har talt med Hans Jensen om sagen.", client_id="m1"
    )
    services.refresh_documents(actor=caseworker, access_request=own_request)
    message = own_request.documents.get(kind=AccessDocument.Kind.MESSAGE)
    client.force_login(caseworker)
    url = reverse("access_requests:decide", args=[own_request.id])
    response = client.post(url, _form(own_request, **{f"document_{message.id}": "withhold"}))
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "Skriv, hvorfor dokumentet undtages" in text and "Skriv begrundelsen for afgørelsen" in text
    own_request.refresh_from_db()
    assert own_request.status == AccessRequest.Status.OPEN  # nothing changed
    response = client.post(
        url,
        _form(
            own_request,
            **{
                f"document_{message.id}": "withhold",
                f"grounds_{message.id}": "Internt arbejdsdokument, offentlighedsloven § 23.",
            },
            grounds="Delvis aktindsigt: en intern besked er undtaget efter offentlighedsloven § 23.",
        ),
    )
    assert response.status_code == 302
    own_request.refresh_from_db()
    assert own_request.decision == AccessRequest.Decision.PARTIAL and own_request.decided_by == caseworker
    _status, text = page(client, citizen, own_request)
    assert "Delvis aktindsigt" in text and "Undtaget fra aktindsigt." in text and "offentlighedsloven § 23" in text
    assert "Min nabo [navn] sagde" in text and "Hans Jensen" not in text


def test_the_caseworker_corrects_the_redaction_and_full_access_needs_no_grounds(
    client, own_request, citizen, caseworker
):
    complaint_document = own_request.documents.get(kind=AccessDocument.Kind.COMPLAINT)
    client.force_login(caseworker)
    corrected = "Min nabo [navn] sagde til mødet, at vores søn ikke kunne få aflastning. Ring på [telefon]. (rettet)"
    response = client.post(
        reverse("access_requests:decide", args=[own_request.id]),
        _form(own_request, **{f"text_{complaint_document.id}": corrected}),
    )
    assert response.status_code == 302
    own_request.refresh_from_db()
    assert own_request.decision == AccessRequest.Decision.FULL and own_request.grounds == ""
    _status, text = page(client, citizen, own_request)
    assert "(rettet)" in text


def test_refused_and_twice(own_request, caseworker):
    choices = {
        d.id: services.DocumentChoice(release=False, grounds="Private forhold, § 30.")
        for d in own_request.documents.all()
    }
    decided = services.decide_access_request(
        actor=caseworker, access_request=own_request, choices=choices, grounds="Afslag."
    )
    assert decided.decision == AccessRequest.Decision.REFUSED
    with pytest.raises(ValidationError, match="allerede afgjort"):
        services.decide_access_request(actor=caseworker, access_request=own_request, choices=choices, grounds="Afslag.")


def test_only_the_departments_caseworkers_decide(own_request, citizen, other_citizen, other_caseworker, secretary):
    choices = {d.id: services.DocumentChoice(release=True, text="x") for d in own_request.documents.all()}
    for person in [citizen, other_citizen, other_caseworker, secretary]:
        with pytest.raises(PermissionDenied):
            services.decide_access_request(actor=person, access_request=own_request, choices=choices)


def test_doors(client, own_request, citizen, other_citizen, caseworker, other_caseworker, secretary):
    assert page(client, citizen, own_request)[0] == 200
    assert page(client, caseworker, own_request)[0] == 200
    for person in [other_citizen, other_caseworker, secretary]:
        assert page(client, person, own_request)[0] == 404
        response = client.post(reverse("access_requests:decide", args=[own_request.id]), _form(own_request))
        assert response.status_code == 404
    client.force_login(citizen)
    assert client.post(reverse("access_requests:decide", args=[own_request.id]), _form(own_request)).status_code == 403
    own_request.refresh_from_db()
    assert own_request.status == AccessRequest.Status.OPEN


def test_a_request_by_description_gets_its_case_named_and_all_personal_data_removed(
    client, case, other_citizen, caseworker, family
):
    access_request = services.request_access(
        requester=other_citizen, description="Sager om aflastning i 2026", department=family
    )
    assert not access_request.is_party and not access_request.documents.exists()
    client.force_login(caseworker)
    response = client.post(reverse("access_requests:identify-case", args=[access_request.id]), {"complaint": case.id})
    assert response.status_code == 302
    document = access_request.documents.get(kind=AccessDocument.Kind.COMPLAINT)
    assert "Hans Jensen" not in document.released_text
    message_or_nothing = access_request.documents.exclude(kind=AccessDocument.Kind.COMPLAINT)
    assert all(case.citizen.full_name not in d.released_text for d in message_or_nothing)


def test_bad_input_changes_nothing(case, other_citizen, citizen):
    with pytest.raises(ValidationError) as error:
        services.request_access(requester=other_citizen, complaint_id=case.id)
    assert "ikke part" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.request_access(requester=citizen, description="kort")
    assert set(error.value.message_dict) == {"description", "department"}
    assert not AccessRequest.objects.exists()


def test_api(api, case, citizen, other_citizen, caseworker, other_caseworker, secretary):
    response = api(citizen).post("/api/access-requests/", {"complaint": case.id}, format="json")
    assert response.status_code == 201, response.content
    access_request_id = response.json()["id"]
    assert response.json()["is_party"] is True and response.json()["documents"] == []
    assert api(other_citizen).post("/api/access-requests/", {"complaint": case.id}, format="json").status_code == 400
    response = api(other_citizen).post("/api/access-requests/", {"description": "x"}, format="json")
    assert response.status_code == 400 and "description" in response.json()
    response = api(other_citizen).post(
        "/api/access-requests/", {"description": "Sager om aflastning", "department": "familiecentret"}, format="json"
    )
    assert response.status_code == 201 and response.json()["is_party"] is False
    assert api(citizen).get(f"/api/access-requests/{access_request_id}/").status_code == 200
    assert api(caseworker).get(f"/api/access-requests/{access_request_id}/").status_code == 200
    for person in [other_citizen, other_caseworker, secretary]:
        assert api(person).get(f"/api/access-requests/{access_request_id}/").status_code == 404
    assert api().post("/api/access-requests/", {"complaint": case.id}, format="json").status_code in (401, 403)
    schema = api(citizen).get("/api/schema/").content.decode()
    assert "/api/access-requests/{access_request_id}/" in schema


def test_pages_ask_and_list(client, case, citizen, caseworker):
    client.force_login(citizen)
    form = client.get(reverse("access_requests:create") + f"?complaint={case.id}")
    assert form.status_code == 200 and case.reference in form.content.decode()
    response = client.post(reverse("access_requests:create"), {"complaint": case.id, "description": ""})
    assert response.status_code == 302
    access_request = AccessRequest.objects.get()
    assert client.get(reverse("access_requests:list")).status_code == 200
    client.force_login(caseworker)
    assert access_request.reference in client.get(reverse("access_requests:list")).content.decode()
    client.force_login(citizen)
    response = client.post(reverse("access_requests:create"), {"description": "kort"})
    assert response.status_code == 400 and AccessRequest.objects.count() == 1


def test_the_legal_track_is_among_the_documents(case, citizen, caseworker):
    hearing = casework.send_hearing(actor=caseworker, complaint=case, facts="Naboen Hans Jensen har oplyst noget nyt.")
    casework.answer_hearing(actor=citizen, hearing=hearing, answer="Det er ikke rigtigt.")
    casework.send_decision(
        actor=caseworker, complaint=case, kind="new",
        decision="Aflastning hver anden weekend, som Hans Jensen foreslog.",
        legal_rules="Serviceloven § 84.", considerations="Barnets behov.", facts="Mødet.",
        complaint_guidance="Klag til Ankestyrelsen.",
    )  # fmt: skip
    access_request = services.request_access(requester=citizen, complaint_id=case.id)
    texts = {d.kind: d.released_text for d in access_request.documents.all()}
    assert "Aflastning hver anden weekend" in texts["decision"] and "Serviceloven § 84." in texts["decision"]
    assert "Det er ikke rigtigt." in texts["hearing"]
    assert all("Hans Jensen" not in text for text in texts.values())
