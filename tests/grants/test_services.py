"""An application from draft to decision, report and payout, through the services."""

import pytest

from dialogue.models import Participant
from grants import services
from grants.models import Application, Round
from grants.selectors import granted_projects, public_sender
from notifications.models import Email, Notice
from tests.grants.conftest import GROUNDS, KR

pytestmark = pytest.mark.django_db


def test_submit_gives_reference_receipt_and_a_thread_with_the_reviewers(citizen, submitted, reviewer, second_reviewer):
    assert submitted.status == Application.Status.SUBMITTED
    assert submitted.reference.startswith("VALGFREMME-")
    receipt = Email.objects.get(dedupe_key=f"grant-submitted-{submitted.id}-receipt-email")
    assert receipt.recipient == citizen
    assert submitted.reference in receipt.body
    assert "20.000 kr." in receipt.body
    people = dict(submitted.thread.participants.values_list("user_id", "role"))
    assert people == {
        citizen.id: Participant.Role.CITIZEN,
        reviewer.id: Participant.Role.STAFF,
        second_reviewer.id: Participant.Role.STAFF,
    }
    assert submitted.thread.subject_url == f"/ansoegninger/{submitted.id}/"


def test_question_returns_it_to_the_applicant_and_the_answer_resubmits(citizen, reviewer, submitted):
    services.request_information(reviewer=reviewer, application=submitted, question="Hvor mange unge regner I med?")
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.INFO_REQUESTED
    assert Notice.objects.filter(user=citizen, title__contains="mangler oplysninger").count() == 1
    email = Email.objects.get(recipient=citizen, subject__contains="mangler oplysninger")
    assert "Hvor mange unge regner I med?" in email.body

    services.answer_information_request(actor=citizen, application=submitted, answer="Omkring 150.")
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    request = submitted.information_requests.get()
    assert request.answer == "Omkring 150." and request.answered_at is not None


def test_partly_granted_drops_the_money_left_and_sends_the_letter(citizen, reviewer, submitted, round):
    services.decide_application(
        reviewer=reviewer,
        application=submitted,
        outcome=Application.Status.PARTLY_GRANTED,
        amount_granted=15_000 * KR,
        **GROUNDS,
    )
    round.refresh_from_db()
    assert round.granted_total == 15_000 * KR
    assert round.money_left == 60_000 * KR
    submitted.refresh_from_db()
    letter = submitted.decision_letter
    # The letter holds the outcome, the amounts, and the grounds (forvaltningsloven §§ 22–24).
    assert "Du får delvis støtte: 15.000 kr. af de 20.000 kr., du har søgt om." in letter
    assert submitted.reference in letter
    for ground in GROUNDS.values():
        assert ground in letter
    assert "De regler, afgørelsen bygger på:" in letter
    assert "De hovedhensyn, der har været afgørende:" in letter
    assert "De faktiske forhold, vi har lagt vægt på:" in letter
    assert reviewer.full_name in letter
    email = Email.objects.get(dedupe_key=f"grant-decided-{submitted.id}-decision-email")
    assert email.recipient == citizen and letter in email.body
    assert Notice.objects.filter(user=citizen, dedupe_key=f"grant-decided-{submitted.id}-decision-notice").exists()


def test_letter_in_english_for_an_english_applicant(english_citizen, reviewer, round, draft_fields):
    application = services.start_application(applicant=english_citizen, round=round, submit=True, **draft_fields)
    services.decide_application(
        reviewer=reviewer, application=application, outcome=Application.Status.REFUSED, **GROUNDS
    )
    application.refresh_from_db()
    assert "Your application for 20.000 kr. is refused." in application.decision_letter
    assert "The rules the decision is based on:" in application.decision_letter
    round.refresh_from_db()
    assert round.granted_total == 0


def test_full_grant_is_the_amount_applied(reviewer, submitted, round):
    services.decide_application(reviewer=reviewer, application=submitted, outcome="granted", **GROUNDS)
    submitted.refresh_from_db()
    assert submitted.amount_granted == 20_000 * KR
    assert "Du får den støtte, du har søgt om (20.000 kr.)." in submitted.decision_letter
    assert Round.objects.get(id=round.id).money_left == 55_000 * KR


def test_report_and_payout(citizen, reviewer, submitted):
    services.decide_application(
        reviewer=reviewer, application=submitted, outcome="partly_granted", amount_granted=10_000 * KR, **GROUNDS
    )
    services.report_on_project(
        actor=citizen,
        application=submitted,
        report="120 unge kom; vi brugte pengene på lokale.",
        amount_spent=9_500 * KR,
    )
    services.record_payout(actor=reviewer, application=submitted, amount=9_500 * KR)
    submitted.refresh_from_db()
    assert submitted.reported_at and submitted.amount_spent == 9_500 * KR
    assert submitted.amount_paid == 9_500 * KR and submitted.paid_by == reviewer


def test_withdraw_before_decision(citizen, submitted):
    services.withdraw_application(actor=citizen, application=submitted)
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.WITHDRAWN


def test_scores_are_kept_per_reviewer_and_criterion(reviewer, submitted, pool):
    criterion = pool.criteria_list.first()
    services.score_application(reviewer=reviewer, application=submitted, criterion=criterion, score=4, note="God idé")
    services.score_application(reviewer=reviewer, application=submitted, criterion=criterion, score=5)
    assert list(submitted.scores.values_list("score", "note")) == [(5, "")]


def test_public_list_hides_a_private_persons_name_unless_she_agreed(
    citizen, other_citizen, association, reviewer, round, draft_fields
):
    private = services.start_application(applicant=citizen, round=round, submit=True, **draft_fields)
    agreed = services.start_application(
        applicant=citizen, round=round, submit=True, **{**draft_fields, "show_name_publicly": True}
    )
    for_association = services.start_application(
        applicant=other_citizen, round=round, association=association, submit=True, **draft_fields
    )
    for application in (private, agreed, for_association):
        services.decide_application(
            reviewer=reviewer, application=application, outcome="partly_granted", amount_granted=5_000 * KR, **GROUNDS
        )
    senders = {application.id: public_sender(application) for application in granted_projects(pool=round.pool)}
    assert senders == {private.id: "", agreed.id: citizen.full_name, for_association.id: "Holbæk Ungdomsråd"}


def test_reviewer_reading_an_application_is_logged(reviewer, citizen, submitted):
    from accounts.models import PersonalDataAccess

    services.reviewer_opens_application(reviewer=reviewer, application=submitted)
    services.reviewer_opens_application(reviewer=citizen, application=submitted)  # her own: not a staff read
    assert list(PersonalDataAccess.objects.values_list("viewer_id", "subject_id")) == [(reviewer.id, citizen.id)]


def test_decision_letter_as_a_tagged_pdf(client, citizen, reviewer, submitted):
    from tests.documents.reading import catalog, pages, structure_tags

    services.decide_application(
        reviewer=reviewer, application=submitted, outcome="partly_granted", amount_granted=15_000 * KR, **GROUNDS
    )
    client.force_login(citizen)
    response = client.get(f"/ansoegninger/{submitted.id}/afgoerelsesbrev.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(" ".join(pages(response.content)).split())
    assert "Du får delvis støtte: 15.000 kr. af de 20.000 kr., du har søgt om." in text
    assert "Retningslinjerne for puljen til valgfremme" in text
    assert catalog(response.content)["/Lang"] == "da"
    assert "H1" in structure_tags(response.content)
