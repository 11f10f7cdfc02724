"""Decision letters (forvaltningsloven §§ 19, 22–25) on every door: grounds and guidance without full
agreement, the partshøring that blocks, the override with reasons, the letter as message, e-mail and PDF."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import PersonalDataAccess
from casework import services
from casework.models import Decision, Hearing
from complaints.models import Complaint, ComplaintEvent
from dialogue.models import Message
from notifications.models import Email, Notice
from tests.casework.conftest import GROUNDS
from tests.documents.reading import all_bookmarks, pages, xmp_value

pytestmark = pytest.mark.django_db

UPHELD = {"kind": "upheld", "decision": "Vi fastholder afgørelsen om afslag på aflastning.", **GROUNDS}
MISSING = {"legal_rules", "considerations", "facts", "complaint_guidance"}


def send(actor, complaint, **fields):
    return services.send_decision(actor=actor, complaint=complaint, **{**UPHELD, **fields})


@pytest.mark.parametrize("missing", sorted(MISSING))
def test_without_full_agreement_every_ground_and_the_guidance_are_required(caseworker, routed_complaint, missing):
    with pytest.raises(ValidationError) as error:
        send(caseworker, routed_complaint, **{missing: "  "})
    assert set(error.value.message_dict) == {missing}
    assert "forvaltningsloven §" in error.value.message_dict[missing][0]
    assert not Decision.objects.exists()


def test_a_letter_without_grounds_is_refused_on_the_api_with_field_errors(api, caseworker, routed_complaint):
    response = api(caseworker).post(
        f"/api/complaints/{routed_complaint.id}/decisions/",
        {"decision": "Vi fastholder.", "full_agreement": False},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) >= MISSING
    assert not Decision.objects.exists() and not Email.objects.filter(subject__contains="afgørelse").exists()


def test_a_letter_without_grounds_is_refused_on_the_page(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    url = reverse("casework:decision-create", args=[routed_complaint.id])
    response = client.post(url, {"kind": "upheld", "decision": "Vi fastholder.", "action": "send"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv de retsregler" in page and "Skriv klagevejledningen" in page
    assert not Decision.objects.exists()


def test_the_database_refuses_a_letter_without_grounds_whatever_the_door(caseworker, routed_complaint):
    with pytest.raises(IntegrityError):
        Decision.objects.create(complaint=routed_complaint, kind="new", decision="Nej.", lix=10, author=caseworker)


def test_full_agreement_needs_no_grounds_nor_guidance(caseworker, routed_complaint):
    letter = services.send_decision(
        actor=caseworker, complaint=routed_complaint, kind="changed", decision="Du får aflastning.", full_agreement=True
    )
    routed_complaint.refresh_from_db()
    assert routed_complaint.status == "closed" and routed_complaint.outcome == Complaint.Outcome.DECISION_CHANGED
    assert routed_complaint.outcome_note == "Du får aflastning."
    assert [s for s in pages(letter.pdf.open("rb").read())[0].splitlines() if s == "Klagevejledning"] == []


def test_an_upheld_decision_never_gives_full_agreement(caseworker, routed_complaint):
    with pytest.raises(ValidationError) as error:
        send(caseworker, routed_complaint, full_agreement=True)
    assert set(error.value.message_dict) == {"full_agreement"}


def test_only_a_complaint_about_a_decision_is_upheld(caseworker, file_complaint):
    complaint = file_complaint(kind=Complaint.Kind.CASE_HANDLING)
    with pytest.raises(ValidationError) as error:
        send(caseworker, complaint)
    assert set(error.value.message_dict) == {"kind"}


def test_bad_input(caseworker, routed_complaint):
    with pytest.raises(ValidationError) as error:
        send(caseworker, routed_complaint, kind="maybe", decision="", facts="x" * 8001)
    assert set(error.value.message_dict) == {"kind", "decision", "facts"}


@pytest.mark.parametrize("role", ["citizen", "other_citizen", "other_caseworker", "committee_member"])
def test_only_the_department_decides(people, routed_complaint, role):
    with pytest.raises(PermissionDenied):
        send(people[role], routed_complaint)


@pytest.mark.parametrize(
    ("role", "status"), [("citizen", 403), ("other_citizen", 404), ("other_caseworker", 404), ("committee_member", 404)]
)
def test_the_doors_refuse_others(api, client, people, routed_complaint, role, status):
    assert (
        api(people[role]).post(f"/api/complaints/{routed_complaint.id}/decisions/", UPHELD, format="json").status_code
        == status
    )
    client.force_login(people[role])
    assert client.get(reverse("casework:decision-create", args=[routed_complaint.id])).status_code == status
    assert not Decision.objects.exists()


# § 19: the partshøring that blocks


@pytest.fixture
def waiting(caseworker, routed_complaint):
    return services.send_hearing(actor=caseworker, complaint=routed_complaint, facts="Lægen skriver, at han sover.")


def test_an_open_partshoering_blocks_a_decision_to_her_disadvantage(caseworker, routed_complaint, waiting):
    with pytest.raises(ValidationError) as error:
        send(caseworker, routed_complaint)
    assert "forvaltningsloven § 19, stk. 2" in error.value.message_dict["hearing_override_reason"][0]
    assert not Decision.objects.exists()
    with pytest.raises(ValidationError):  # a few words are not a reason
        send(caseworker, routed_complaint, hearing_override_reason="Haster")


def test_the_api_and_page_say_the_same(api, client, caseworker, routed_complaint, waiting):
    response = api(caseworker).post(f"/api/complaints/{routed_complaint.id}/decisions/", UPHELD, format="json")
    assert response.status_code == 400 and "hearing_override_reason" in response.json()
    client.force_login(caseworker)
    url = reverse("casework:decision-create", args=[routed_complaint.id])
    response = client.post(url, {**UPHELD, "action": "send"})
    assert response.status_code == 400 and "partshøringen" in response.content.decode()


def test_the_override_with_reasons_sends_and_closes_the_hearing(caseworker, routed_complaint, waiting):
    reason = "Borgeren har selv oplyst det samme i sin klage; oplysningen er ikke ny for hende."
    letter = send(caseworker, routed_complaint, hearing_override_reason=reason)
    assert letter.hearing_override_reason == reason
    waiting.refresh_from_db()
    assert waiting.status == Hearing.Status.CLOSED and waiting.ended_at == letter.sent_at


def test_a_decision_in_her_full_favour_need_not_wait(caseworker, routed_complaint, waiting):
    services.send_decision(
        actor=caseworker, complaint=routed_complaint, kind="changed", decision="Du får ret.", full_agreement=True
    )
    waiting.refresh_from_db()
    assert waiting.status == Hearing.Status.CLOSED


def test_after_her_answer_or_the_deadline_the_decision_goes(citizen, caseworker, routed_complaint, waiting):
    services.answer_hearing(actor=citizen, hearing=waiting, answer="Han sover ikke.")
    assert send(caseworker, routed_complaint).kind == "upheld"


def test_an_open_question_does_not_block(caseworker, file_complaint):
    complaint = file_complaint()
    services.send_hearing(actor=caseworker, complaint=complaint, facts="Hvornår er han hjemme?", kind="question")
    assert send(caseworker, complaint).hearing_override_reason == ""


def test_a_request_for_more_time_keeps_the_hearing_open_past_its_deadline(
    citizen, caseworker, routed_complaint, waiting
):
    services.request_extension(actor=citizen, hearing=waiting, reason="Jeg venter på lægen.")
    now = timezone.now()
    Hearing.objects.update(deadline=now, first_deadline=now)
    services.expire_hearings(now=timezone.now() + timedelta(days=1))
    with pytest.raises(ValidationError):
        send(caseworker, routed_complaint)


# The letter


def test_the_letter_is_a_message_an_email_a_notice_a_timeline_step_and_a_pdf(citizen, caseworker, routed_complaint):
    letter = send(caseworker, routed_complaint)
    message = Message.objects.get(thread=routed_complaint.thread, author=caseworker)
    assert letter.message == message and UPHELD["decision"] in message.body
    assert letter.get_absolute_url() in message.body
    email = Email.objects.get(recipient=citizen, subject__contains="afgørelse")
    assert UPHELD["decision"] in email.body and letter.get_pdf_url() in email.body
    assert Notice.objects.filter(user=citizen, url=letter.get_absolute_url()).exists()
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.DECISION).exists()
    content = letter.pdf.open("rb").read()
    text = pages(content)[0]
    for part in (
        "Regler, afgørelsen bygger på",
        "Hovedhensyn",
        "De faktiske forhold",
        "Klagevejledning",
        *GROUNDS.values(),
    ):
        assert part in text
    assert all_bookmarks(content)[1:] == [
        "Afgørelse", "Regler, afgørelsen bygger på", "Hovedhensyn", "De faktiske forhold", "Klagevejledning"
    ]  # fmt: skip
    assert xmp_value(content, "dc:title") == f"Afgørelse i din klage {routed_complaint.reference}"
    routed_complaint.refresh_from_db()
    assert routed_complaint.status != "closed"  # upheld: it goes on to the genvurdering


def test_an_english_citizen_gets_the_letter_headings_in_english(english_citizen, caseworker, file_complaint):
    complaint = file_complaint(citizen=english_citizen)
    letter = send(caseworker, complaint)
    assert "Complaint guidance" in pages(letter.pdf.open("rb").read())[0]


def test_one_final_decision_but_new_decisions_in_dialogue(caseworker, routed_complaint):
    send(caseworker, routed_complaint)
    with pytest.raises(ValidationError) as error:
        send(caseworker, routed_complaint, kind="changed")
    assert set(error.value.message_dict) == {"kind"}
    assert send(caseworker, routed_complaint, kind="new").kind == "new"


@pytest.mark.django_db(transaction=True)
def test_two_final_decisions_at_once_one_wins(caseworker, second_caseworker, routed_complaint, settings, tmp_path):
    results = []
    barrier = threading.Barrier(2)

    def decide(person):
        try:
            barrier.wait()
            results.append(send(person, routed_complaint))
        except ValidationError as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(p,)) for p in (caseworker, second_caseworker)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(r).__name__ for r in results) == ["Decision", "ValidationError"]
    assert Decision.objects.count() == 1


def test_lix_is_stored_and_the_form_warns_above_the_limit(client, caseworker, routed_complaint, settings):
    settings.DECISION_LIX_WARN_ABOVE = 30
    letter = send(caseworker, routed_complaint)
    assert letter.lix == services.letter_lix(**{k: UPHELD[k] for k in ("decision", *sorted(MISSING))})
    client.force_login(caseworker)
    url = reverse("casework:decision-create", args=[routed_complaint.id])
    hard = "Kommunen har truffet afgørelse om afslag på ansøgningen om merudgifter efter servicelovens bestemmelser."
    page = client.post(url, {**UPHELD, "kind": "new", "decision": hard, "action": "preview"}).content.decode()
    assert "svært at læse (over 30)" in page
    assert Decision.objects.count() == 1  # a preview sends nothing
    settings.DECISION_LIX_WARN_ABOVE = 99
    page = client.post(url, {**UPHELD, "kind": "new", "action": "preview"}).content.decode()
    assert "let nok at læse" in page


def test_the_form_fills_in_the_departments_guidance(client, caseworker, routed_complaint, guidance, family):
    from casework.models import GuidanceTemplate

    other = GuidanceTemplate.objects.create(
        department=family, name="Zoneplan", appeals_body="Nævnet", text="Klag til nævnet."
    )
    client.force_login(caseworker)
    url = reverse("casework:decision-create", args=[routed_complaint.id])
    assert client.get(url).context["form"].initial["complaint_guidance"] == guidance.text
    assert client.get(f"{url}?skabelon={other.id}").context["form"].initial["complaint_guidance"] == "Klag til nævnet."


def test_the_page_sends_a_letter(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    response = client.post(
        reverse("casework:decision-create", args=[routed_complaint.id]), {**UPHELD, "action": "send"}
    )
    letter = Decision.objects.get()
    assert response.url == letter.get_absolute_url()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("citizen", 200),
        ("caseworker", 200),
        ("other_citizen", 404),
        ("other_caseworker", 404),
        ("committee_member", 404),
    ],
)
def test_who_reads_the_letter(api, client, people, citizen, caseworker, routed_complaint, role, status):
    letter = send(caseworker, routed_complaint)
    already = max(PersonalDataAccess.objects.values_list("id", flat=True), default=0)  # the log is append-only
    client.force_login(people[role])
    assert client.get(letter.get_absolute_url()).status_code == status
    response = client.get(letter.get_pdf_url())
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert api(people[role]).get(f"/api/complaints/{routed_complaint.id}/decisions/").status_code == status
    assert PersonalDataAccess.objects.filter(viewer=people[role], subject=citizen, id__gt=already).exists() == (
        role == "caseworker"
    )


def test_the_api_sends_and_lists(api, caseworker, citizen, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/decisions/"
    response = api(caseworker).post(url, {**UPHELD, "full_agreement": False}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["lix"] > 0
    assert [d["kind"] for d in api(citizen).get(url).json()] == ["upheld"]


def test_the_plain_close_door_no_longer_offers_decision_outcomes(api, client, caseworker, routed_complaint):
    response = api(caseworker).post(
        f"/api/complaints/{routed_complaint.id}/close/",
        {"outcome": "upheld_and_forwarded", "note": "Sendt."},
        format="json",
    )
    assert response.status_code == 400 and "outcome" in response.json()
    client.force_login(caseworker)
    page = client.get(reverse("complaints:detail", args=[routed_complaint.id])).content.decode()
    assert 'value="decision_changed"' not in page
    assert reverse("casework:decision-create", args=[routed_complaint.id]) in page
