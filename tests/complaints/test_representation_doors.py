"""Representation on every door: the complaint page, "Mine klager", the thread page and API, the complaint
API, the representation pages and API. One rule (complaints.permissions): a representative in scope sees and
acts; anyone else, a representative outside her scope included, gets 404."""

import pytest

from complaints.models import Complaint, Representation
from complaints.permissions import can_view_complaint, viewable_complaints_q
from complaints.selectors import complaints_visible_to
from dialogue.models import Message

from .representation_helpers import active, days, grant, pdf, today


@pytest.fixture
def people(citizen, other_citizen, relative, stranger, caseworker, other_caseworker, lead, member, secretary):
    return {
        "citizen": citizen,
        "other_citizen": other_citizen,
        "relative": relative,
        "stranger": stranger,
        "caseworker": caseworker,
        "other_caseworker": other_caseworker,
        "lead": lead,
        "member": member,
        "secretary": secretary,
    }


@pytest.fixture
def scene(routed_complaint, file_complaint, citizen, relative, stranger, other_citizen, nature):
    """The relative acts for the citizen in one complaint; the citizen has a second one outside that scope; the
    stranger holds a representation for another citizen only; a pending grant gives nothing."""
    outside = file_complaint(subject="Klage uden fuldmagt", department=nature)
    active(citizen, relative, routed_complaint)
    theirs = file_complaint(citizen=other_citizen, subject="Den andens klage")
    active(other_citizen, stranger, theirs)
    grant(citizen, stranger, outside)  # pending: nothing yet
    return {"in_scope": routed_complaint, "outside": outside, "theirs": theirs}


SEES = {
    "in_scope": {"citizen", "relative", "caseworker", "lead"},
    "outside": {"citizen", "other_caseworker"},
    "theirs": {"other_citizen", "stranger", "caseworker", "lead"},
}


def test_the_predicate_and_the_queryset_filter_say_the_same_for_everyone(people, scene):
    for who, user in people.items():
        listed = set(Complaint.objects.filter(viewable_complaints_q(user)).values_list("id", flat=True))
        allowed = {c.id for c in scene.values() if can_view_complaint(user, c)}
        assert listed == allowed, who
        assert set(complaints_visible_to(user=user).values_list("id", flat=True)) == allowed, who
        expected = {scene[name].id for name, seers in SEES.items() if who in seers}
        assert allowed == expected, who


@pytest.mark.parametrize("which", ["in_scope", "outside", "theirs"])
def test_complaint_page_and_api_follow_the_rule(client, api, people, scene, which):
    complaint = scene[which]
    for who, user in people.items():
        client.force_login(user)
        page = client.get(f"/klager/{complaint.id}/")
        response = api(user).get(f"/api/complaints/{complaint.id}/")
        expected = 200 if who in SEES[which] else 404
        assert (page.status_code, response.status_code) == (expected, expected), who


@pytest.mark.parametrize("which", ["in_scope", "outside", "theirs"])
def test_thread_page_and_api_follow_the_rule(client, api, people, scene, which):
    complaint = scene[which]
    for who in ("relative", "stranger", "other_citizen", "member", "secretary"):
        user = people[who]
        client.force_login(user)
        page = client.get(f"/samtaler/{complaint.thread_id}/")
        response = api(user).get(f"/api/threads/{complaint.thread_id}/messages/")
        posted = api(user).post(
            f"/api/threads/{complaint.thread_id}/messages/", {"client_id": f"x-{who}", "body": "Hej"}, format="json"
        )
        expected = 200 if who in SEES[which] else 404
        assert (page.status_code, response.status_code) == (expected, expected), who
        assert posted.status_code == (201 if expected == 200 else 404), who


def test_the_relative_writes_on_behalf_and_every_page_shows_both_names(
    client, api, scene, citizen, relative, caseworker
):
    complaint = scene["in_scope"]
    response = api(relative).post(
        f"/api/threads/{complaint.thread_id}/messages/", {"client_id": "r-1", "body": "Jeg skriver for Mette"}
    )
    assert response.status_code == 201
    assert (response.data["author_name"], response.data["on_behalf_of_name"]) == ("Susanne Hansen", "Mette Hansen")
    for user in (citizen, caseworker, relative):
        client.force_login(user)
        thread_page = client.get(f"/samtaler/{complaint.thread_id}/").content.decode()
        assert 'Susanne Hansen</strong> <span class="message-behalf">på vegne af Mette Hansen</span>' in thread_page
        detail = client.get(f"/klager/{complaint.id}/").content.decode()
        assert "Susanne Hansen på vegne af Mette Hansen" in detail  # the timeline and the list of fuldmagter
    client.force_login(relative)
    assert "Du deltager på vegne af Mette Hansen" in client.get(f"/samtaler/{complaint.thread_id}/").content.decode()
    assert "Du handler på vegne af Mette Hansen" in client.get(f"/klager/{complaint.id}/").content.decode()
    events = api(citizen).get(f"/api/complaints/{complaint.id}/").data["events"]
    accepted = next(e for e in events if e["kind"] == "proxy_accepted")
    assert (accepted["representative_name"], accepted["on_behalf_of_name"]) == ("Susanne Hansen", "Mette Hansen")


def test_mine_klager_lists_her_own_and_apart_the_ones_she_acts_in(client, scene, citizen, relative):
    client.force_login(relative)
    page = client.get("/klager/").content.decode()
    assert "Du har ingen klager." in page
    assert "Klager, du handler i for andre" in page and "på vegne af Mette Hansen" in page
    assert scene["in_scope"].reference in page and scene["outside"].reference not in page
    client.force_login(citizen)
    page = client.get("/klager/").content.decode()
    assert scene["in_scope"].reference in page and "Klager, du handler i for andre" not in page


def test_revoking_ends_every_door_at_once(client, api, scene, citizen, relative):
    complaint = scene["in_scope"]
    representation = Representation.objects.get(representative=relative)
    client.force_login(citizen)
    assert client.post(f"/fuldmagter/{representation.id}/tilbagekald/").status_code == 302
    client.force_login(relative)
    assert client.get(f"/klager/{complaint.id}/").status_code == 404
    assert client.get(f"/samtaler/{complaint.thread_id}/").status_code == 404
    assert api(relative).get(f"/api/complaints/{complaint.id}/").status_code == 404
    assert api(relative).get(f"/api/threads/{complaint.thread_id}/messages/").status_code == 404
    assert complaint.reference not in client.get("/klager/").content.decode()
    # She still sees the representation itself (now revoked), as a record.
    assert "Tilbagekaldt" in client.get(f"/fuldmagter/{representation.id}/").content.decode()


# The pages of the representation itself


def test_the_citizen_grants_on_the_fuldmagter_page_and_the_relative_accepts_on_hers(
    client, routed_complaint, citizen, relative
):
    client.force_login(citizen)
    page = client.get(f"/fuldmagter/?klage={routed_complaint.id}")
    assert page.status_code == 200
    response = client.post(
        "/fuldmagter/",
        {
            "representative_email": relative.email,
            "scope": str(routed_complaint.id),
            "valid_from": today().isoformat(),
            "valid_until": days(14).isoformat(),
        },
    )
    representation = Representation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/fuldmagter/{representation.id}/"
    client.force_login(relative)
    page = client.get(f"/fuldmagter/{representation.id}/").content.decode()
    assert "Accepter fuldmagten" in page
    assert client.post(f"/fuldmagter/{representation.id}/svar/", {"answer": "accept"}).status_code == 302
    representation.refresh_from_db()
    assert representation.status == Representation.Status.ACTIVE
    page = client.get(f"/fuldmagter/{representation.id}/").content.decode()
    assert "Træd tilbage som repræsentant" in page and "Accepter fuldmagten" not in page


def test_a_bad_grant_on_the_page_shows_the_error_at_its_field_and_changes_nothing(client, routed_complaint, citizen):
    client.force_login(citizen)
    response = client.post(
        "/fuldmagter/",
        {"representative_email": "ukendt@example.dk", "scope": "all", "valid_from": today().isoformat()},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_representative_email"' in page and "Der er ingen bruger med den e-mail." in page
    assert not Representation.objects.exists()


def test_representation_pages_are_404_for_others(client, api, scene, people):
    representation = Representation.objects.get(representative=people["relative"])
    for who in ("stranger", "other_citizen", "other_caseworker", "member"):
        client.force_login(people[who])
        assert client.get(f"/fuldmagter/{representation.id}/").status_code == 404, who
        assert client.post(f"/fuldmagter/{representation.id}/tilbagekald/").status_code == 404, who
        assert api(people[who]).get(f"/api/representations/{representation.id}/").status_code == 404, who
    assert Representation.objects.get(id=representation.id).status == Representation.Status.ACTIVE
    client.force_login(people["caseworker"])
    assert client.get(f"/fuldmagter/{representation.id}/").status_code == 200


def test_accepting_through_the_page_twice_shows_the_danish_error(client, routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint)
    client.force_login(relative)
    response = client.post(f"/fuldmagter/{representation.id}/svar/", {"answer": "accept"})
    assert response.status_code == 400 and "Fuldmagten venter ikke længere på svar." in response.content.decode()


def test_staff_record_a_paper_fuldmagt_on_the_complaint_page_and_the_document_is_guarded(
    client, routed_complaint, citizen, relative, caseworker, other_caseworker
):
    from accounts.models import PersonalDataAccess

    client.force_login(caseworker)
    assert "Registrer fuldmagt på papir" in client.get(f"/klager/{routed_complaint.id}/").content.decode()
    response = client.post(
        f"/klager/{routed_complaint.id}/fuldmagt/",
        {
            "representative_email": relative.email,
            "valid_from": today().isoformat(),
            "valid_until": "",
            "title": "Underskrevet fuldmagt",
            "file": pdf(),
        },
    )
    assert response.status_code == 302
    representation = Representation.objects.get()
    url = representation.document_url
    already = max(PersonalDataAccess.objects.values_list("id", flat=True), default=0)  # the log is append-only
    download = client.get(url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert PersonalDataAccess.objects.filter(viewer=caseworker, subject=citizen, id__gt=already).count() == 1
    client.force_login(relative)
    assert client.get(url).status_code == 200
    client.force_login(other_caseworker)
    assert client.get(url).status_code == 404
    assert client.get(url.replace("fuldmagt.pdf", "andet.pdf")).status_code == 404


def test_a_bad_paper_form_is_400_with_errors_and_changes_nothing(client, routed_complaint, caseworker, relative):
    client.force_login(caseworker)
    response = client.post(
        f"/klager/{routed_complaint.id}/fuldmagt/",
        {"representative_email": relative.email, "valid_from": today().isoformat(), "title": "Fuldmagt"},
    )
    assert response.status_code == 400 and "Vælg en fil." in response.content.decode()
    assert not Representation.objects.exists()


def test_only_department_staff_see_the_paper_form(client, scene, people):
    complaint = scene["in_scope"]
    for who in ("citizen", "relative"):
        client.force_login(people[who])
        assert "Registrer fuldmagt på papir" not in client.get(f"/klager/{complaint.id}/").content.decode()
        response = client.post(f"/klager/{complaint.id}/fuldmagt/", {"representative_email": "x@example.dk"})
        assert response.status_code == 403, who


# The API


def test_the_api_grants_lists_accepts_and_revokes(api, routed_complaint, citizen, relative):
    response = api(citizen).post(
        "/api/representations/",
        {
            "representative_email": relative.email,
            "complaint_id": routed_complaint.id,
            "valid_from": today().isoformat(),
            "valid_until": None,
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    representation_id = response.data["id"]
    assert response.data["status"] == "pending" and response.data["principal_name"] == "Mette Hansen"
    assert [r["id"] for r in api(relative).get("/api/representations/").data] == [representation_id]
    assert api(citizen).post(f"/api/representations/{representation_id}/accept/").status_code == 403
    accepted = api(relative).post(f"/api/representations/{representation_id}/accept/")
    assert accepted.status_code == 200 and accepted.data["status"] == "active"
    assert api(relative).get(f"/api/complaints/{routed_complaint.id}/").status_code == 200
    assert api(citizen).post(f"/api/representations/{representation_id}/revoke/").data["status"] == "revoked"
    twice = api(citizen).post(f"/api/representations/{representation_id}/revoke/")
    assert twice.status_code == 400 and "Fuldmagten er allerede afsluttet." in str(twice.data)
    assert api(relative).get(f"/api/complaints/{routed_complaint.id}/").status_code == 404


def test_a_bad_api_grant_is_a_400_field_error(api, routed_complaint, citizen):
    response = api(citizen).post(
        "/api/representations/",
        {"representative_email": citizen.email, "valid_from": today().isoformat()},
        format="json",
    )
    assert response.status_code == 400
    assert "Du kan ikke give dig selv fuldmagt." in str(response.data)
    assert not Representation.objects.exists()


def test_the_api_records_a_paper_fuldmagt(api, routed_complaint, relative, caseworker, citizen):
    payload = {"representative_email": relative.email, "valid_from": today().isoformat(), "title": "Fuldmagt"}
    response = api(caseworker).post(
        f"/api/complaints/{routed_complaint.id}/representations/", {**payload, "file": pdf()}, format="multipart"
    )
    assert response.status_code == 201 and response.data["source"] == "paper" and response.data["document_url"]
    refused = api(citizen).post(
        f"/api/complaints/{routed_complaint.id}/representations/", {**payload, "file": pdf()}, format="multipart"
    )
    assert refused.status_code == 403


def test_the_representatives_messages_show_both_names_in_the_unread_email(scene, citizen, relative, settings):
    from django.utils import timezone

    from dialogue.services import email_unread_messages, post_message
    from notifications.models import Email

    complaint = scene["in_scope"]
    post_message(author=relative, thread=complaint.thread, body="Hej", client_id="r-1")
    Message.objects.update(created_at=timezone.now() - settings.DIALOGUE_UNREAD_EMAIL_AFTER * 2)
    email_unread_messages()
    email = Email.objects.get(recipient=citizen, subject__contains="Ny besked")
    assert "Susanne Hansen på vegne af Mette Hansen" in email.body
