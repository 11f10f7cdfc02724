"""Representation (fuldmagt, forvaltningsloven § 8) through its services: grant, accept, decline, revoke, expire,
paper; each bad input a clear Danish error that changes nothing."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from accounts.models import PersonalDataAccess
from complaints import services
from complaints.models import ComplaintEvent, Representation
from complaints.permissions import can_view_complaint
from dialogue.models import Message, Participant
from dialogue.permissions import can_take_part
from dialogue.services import post_message
from notifications.models import Email, Notice

from .representation_helpers import active, days, grant, pdf, today


def test_a_grant_waits_for_the_representative_who_is_told_by_notice_and_email(routed_complaint, citizen, relative):
    representation = grant(citizen, relative, routed_complaint)

    assert representation.status == Representation.Status.PENDING
    assert not can_view_complaint(relative, routed_complaint)  # nothing before she accepts
    assert not can_take_part(relative, routed_complaint.thread)
    notice = Notice.objects.get(user=relative)
    assert notice.title == "Mette Hansen har givet dig fuldmagt i Borgerdialog"
    assert notice.url == f"/fuldmagter/{representation.id}/"
    email = Email.objects.get(recipient=relative)
    assert "Mette Hansen har givet dig fuldmagt" in email.subject
    assert routed_complaint.reference in email.body and f"/fuldmagter/{representation.id}/" in email.body
    event = routed_complaint.events.get(kind=ComplaintEvent.Kind.PROXY_GRANTED)
    assert (event.actor, event.representation) == (citizen, representation)


def test_accepting_lets_her_act_in_the_complaint_in_her_own_name_on_behalf_of_the_citizen(
    routed_complaint, citizen, relative, caseworker
):
    representation = active(citizen, relative, routed_complaint)

    assert representation.status == Representation.Status.ACTIVE and representation.accepted_at
    assert can_view_complaint(relative, routed_complaint)
    participant = Participant.objects.get(thread=routed_complaint.thread, user=relative)
    assert (participant.role, participant.on_behalf_of, participant.valid_until) == (
        Participant.Role.REPRESENTATIVE,
        citizen,
        representation.valid_until,
    )
    message, _created = post_message(author=relative, thread=routed_complaint.thread, body="Hej", client_id="r1")
    assert (message.author, message.on_behalf_of) == (relative, citizen)
    assert Notice.objects.filter(user=citizen, title="Susanne Hansen har accepteret din fuldmagt").exists()
    kinds = list(routed_complaint.events.filter(representation=representation).values_list("kind", flat=True))
    assert kinds == [ComplaintEvent.Kind.PROXY_GRANTED, ComplaintEvent.Kind.PROXY_ACCEPTED]
    own, _ = post_message(author=citizen, thread=routed_complaint.thread, body="Tak", client_id="c1")
    assert own.on_behalf_of is None


def test_declining_ends_it_without_access(routed_complaint, citizen, relative):
    representation = grant(citizen, relative, routed_complaint)
    services.answer_representation(actor=relative, representation=representation, accept=False)

    representation.refresh_from_db()
    assert representation.status == Representation.Status.DECLINED and representation.ended_by == relative
    assert not can_view_complaint(relative, routed_complaint)
    assert Notice.objects.filter(user=citizen, title="Susanne Hansen har afvist din fuldmagt").exists()


def test_revoking_ends_access_at_once_and_keeps_her_messages_with_both_names(routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint)
    message, _ = post_message(author=relative, thread=routed_complaint.thread, body="Hej", client_id="r1")

    services.end_representation(actor=citizen, representation=representation)

    representation.refresh_from_db()
    assert representation.status == Representation.Status.REVOKED and representation.ended_by == citizen
    assert not can_view_complaint(relative, routed_complaint)
    assert not can_take_part(relative, routed_complaint.thread)
    assert not Participant.objects.filter(thread=routed_complaint.thread, user=relative).exists()
    message.refresh_from_db()
    assert message.on_behalf_of == citizen
    assert Notice.objects.filter(user=relative, title__startswith="Fuldmagten er tilbagekaldt").exists()
    assert not Notice.objects.filter(user=citizen, title__startswith="Fuldmagten er tilbagekaldt").exists()
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.PROXY_REVOKED, actor=citizen).exists()


def test_the_representative_may_step_down(routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint)
    services.end_representation(actor=relative, representation=representation)
    assert not can_view_complaint(relative, routed_complaint)
    assert Notice.objects.filter(user=citizen, title__startswith="Fuldmagten er tilbagekaldt").exists()


def test_all_complaints_covers_those_filed_later_too(file_complaint, citizen, relative, family):
    first = file_complaint()
    active(citizen, relative)
    later = file_complaint(subject="Endnu en klage")

    assert can_view_complaint(relative, first) and can_view_complaint(relative, later)
    assert can_take_part(relative, later.thread)
    assert Participant.objects.get(thread=later.thread, user=relative).on_behalf_of == citizen


def test_a_period_that_starts_later_gives_access_only_from_its_first_day(routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint, valid_from=days(3), valid_until=days(10))
    assert representation.status == Representation.Status.ACTIVE
    assert not can_view_complaint(relative, routed_complaint)
    assert not can_take_part(relative, routed_complaint.thread)
    Representation.objects.filter(id=representation.id).update(valid_from=today())
    Participant.objects.filter(user=relative).update(valid_from=today())
    assert can_view_complaint(relative, routed_complaint)
    assert can_take_part(relative, routed_complaint.thread)


def test_after_the_last_day_the_rules_refuse_and_the_sweep_marks_it_expired(routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint, valid_until=today())
    assert can_view_complaint(relative, routed_complaint)
    # The next day: the rules read the dates, before any sweep.
    Representation.objects.filter(id=representation.id).update(valid_from=days(-5), valid_until=days(-1))
    Participant.objects.filter(user=relative).update(valid_from=days(-5), valid_until=days(-1))
    assert not can_view_complaint(relative, routed_complaint)
    assert not can_take_part(relative, routed_complaint.thread)

    assert services.expire_representations() == 1
    assert services.expire_representations() == 0  # safe to run twice
    representation.refresh_from_db()
    assert representation.status == Representation.Status.EXPIRED and representation.ended_at
    assert not Participant.objects.filter(user=relative).exists()
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.PROXY_EXPIRED).count() == 1


def test_staff_record_a_paper_fuldmagt_active_at_once(routed_complaint, citizen, relative, caseworker):
    representation = services.record_paper_representation(
        actor=caseworker,
        complaint=routed_complaint,
        representative_email="PAAROERENDE@example.dk",
        valid_from=days(-2),
        valid_until=None,
        title="Underskrevet fuldmagt",
        upload=pdf(),
    )
    assert (representation.status, representation.source, representation.recorded_by) == (
        Representation.Status.ACTIVE,
        Representation.Source.PAPER,
        caseworker,
    )
    assert representation.document_mime_type == "application/pdf" and representation.document_name == "fuldmagt.pdf"
    assert can_view_complaint(relative, routed_complaint) and can_take_part(relative, routed_complaint.thread)
    assert Notice.objects.filter(user=relative).exists() and Notice.objects.filter(user=citizen).exists()
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.PROXY_RECORDED, actor=caseworker).exists()


def test_staff_opening_the_paper_fuldmagt_is_in_the_personal_data_log(routed_complaint, citizen, relative, caseworker):
    representation = services.record_paper_representation(
        actor=caseworker,
        complaint=routed_complaint,
        representative_email=relative.email,
        valid_from=today(),
        title="Fuldmagt",
        upload=pdf(),
    )
    services.representation_document_opened(viewer=relative, representation=representation)
    services.representation_document_opened(viewer=citizen, representation=representation)
    assert not PersonalDataAccess.objects.exists()
    services.representation_document_opened(viewer=caseworker, representation=representation)
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.subject, access.what) == (caseworker, citizen, "Fuldmagt: Fuldmagt")


# Bad input: a clear Danish error, nothing changed


def nothing_changed(relative):
    assert not Representation.objects.exists()
    assert not Notice.objects.filter(user=relative).exists()
    assert not ComplaintEvent.objects.filter(representation__isnull=False).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"representative_email": "borger@example.dk"}, "representative_email", "Du kan ikke give dig selv fuldmagt."),
        ({"representative_email": "ukendt@example.dk"}, "representative_email", "Der er ingen bruger med den e-mail."),
        ({"representative_email": ""}, "representative_email", "Skriv e-mailadressen"),
        ({"representative_email": "sagsbehandler@example.dk"}, "representative_email", "ikke til en medarbejderkonto"),
        ({"valid_from": days(-1)}, "valid_from", "Fuldmagten kan tidligst gælde fra i dag."),
        ({"valid_from": None}, "valid_from", "Angiv den dato, fuldmagten gælder fra."),
        ({"valid_from": days(5), "valid_until": days(2)}, "valid_until", "Slutdatoen skal ligge på eller efter"),
        ({"complaint_id": 999999}, "complaint", "Vælg en af dine egne klager"),
        ({"complaint_id": "1"}, "complaint", "Vælg en af dine egne klager"),
    ],
)
def test_bad_grants_are_refused_with_a_danish_error(
    routed_complaint, citizen, relative, caseworker, overrides, field, message
):
    with pytest.raises(ValidationError) as error:
        grant(citizen, relative, routed_complaint, **overrides)
    assert message in " ".join(error.value.message_dict[field])
    nothing_changed(relative)


def test_a_grant_for_someone_elses_complaint_is_refused(routed_complaint, other_citizen, relative):
    with pytest.raises(ValidationError) as error:
        grant(other_citizen, relative, routed_complaint)
    assert "Vælg en af dine egne klager" in error.value.message_dict["complaint"][0]
    nothing_changed(relative)


@pytest.mark.parametrize("second_scope", ["same", "all"])
def test_an_overlapping_second_grant_is_refused(routed_complaint, citizen, relative, second_scope):
    grant(citizen, relative, routed_complaint, valid_until=days(10))
    before = (Representation.objects.count(), Notice.objects.count())
    with pytest.raises(ValidationError) as error:
        grant(citizen, relative, routed_complaint if second_scope == "same" else None, valid_from=days(5))
    assert error.value.message_dict["representative_email"] == [
        "Susanne Hansen har allerede en fuldmagt fra Mette Hansen, der dækker det samme i perioden. "
        "Kald den tilbage først, hvis den skal ændres."
    ]
    assert (Representation.objects.count(), Notice.objects.count()) == before


def test_a_later_non_overlapping_grant_is_allowed(routed_complaint, citizen, relative):
    grant(citizen, relative, routed_complaint, valid_until=days(10))
    grant(citizen, relative, routed_complaint, valid_from=days(11), valid_until=days(20))
    assert Representation.objects.count() == 2


def test_accept_by_anyone_but_the_representative_is_refused(routed_complaint, citizen, relative, stranger):
    representation = grant(citizen, relative, routed_complaint)
    for who in (citizen, stranger):
        with pytest.raises(PermissionDenied):
            services.answer_representation(actor=who, representation=representation, accept=True)
    representation.refresh_from_db()
    assert representation.status == Representation.Status.PENDING


def test_accepting_twice_and_revoking_twice_are_refused(routed_complaint, citizen, relative):
    representation = active(citizen, relative, routed_complaint)
    with pytest.raises(ValidationError) as error:
        services.answer_representation(actor=relative, representation=representation, accept=True)
    assert error.value.message_dict["representation"] == ["Fuldmagten venter ikke længere på svar."]
    services.end_representation(actor=citizen, representation=representation)
    events = ComplaintEvent.objects.count()
    with pytest.raises(ValidationError) as error:
        services.end_representation(actor=citizen, representation=representation)
    assert error.value.message_dict["representation"] == ["Fuldmagten er allerede afsluttet."]
    assert ComplaintEvent.objects.count() == events


def test_only_the_two_people_and_the_department_may_revoke(
    routed_complaint, citizen, relative, stranger, other_caseworker, caseworker
):
    representation = active(citizen, relative, routed_complaint)
    for who in (stranger, other_caseworker):
        with pytest.raises(PermissionDenied):
            services.end_representation(actor=who, representation=representation)
    assert Representation.objects.get().status == Representation.Status.ACTIVE
    services.end_representation(actor=caseworker, representation=representation)
    assert Notice.objects.filter(user=citizen, title__startswith="Fuldmagten er tilbagekaldt").exists()


def test_paper_needs_staff_of_the_department_and_a_real_document(
    routed_complaint, relative, other_caseworker, caseworker, citizen
):
    arguments = {
        "complaint": routed_complaint,
        "representative_email": relative.email,
        "valid_from": today(),
        "title": "Fuldmagt",
    }
    for who in (other_caseworker, citizen, relative):
        with pytest.raises(PermissionDenied):
            services.record_paper_representation(actor=who, upload=pdf(), **arguments)
    with pytest.raises(ValidationError) as error:
        services.record_paper_representation(
            actor=caseworker, upload=pdf("fuldmagt.pdf", b"MZ not a pdf at all"), **arguments
        )
    assert "Filen skal være en PDF" in error.value.message_dict["file"][0]
    with pytest.raises(ValidationError) as error:
        services.record_paper_representation(
            actor=caseworker,
            upload=None,
            **{**arguments, "representative_email": citizen.email, "valid_until": days(-1)},
        )
    assert error.value.message_dict == {
        "file": ["Vælg en fil."],
        "representative_email": ["Borgeren kan ikke være sin egen repræsentant."],
        "valid_until": ["Slutdatoen er allerede passeret."],
    }
    nothing_changed(relative)


@pytest.mark.django_db(transaction=True)
def test_two_grants_at_once_store_one(file_complaint, citizen, relative):
    """The principal's row lock: two identical grants sent at the same moment never both land."""
    complaint = file_complaint()
    barrier = threading.Barrier(2)
    outcomes = []

    def send():
        barrier.wait()
        try:
            grant(citizen, relative, complaint)
            outcomes.append("stored")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "stored"]
    assert Representation.objects.count() == 1


def test_unrelated_messages_have_no_on_behalf_of(routed_complaint, caseworker):
    message, _ = post_message(author=caseworker, thread=routed_complaint.thread, body="Hej", client_id="s1")
    assert message.on_behalf_of is None and Message.objects.filter(on_behalf_of__isnull=False).count() == 0


def test_the_period_check_runs_from_the_database_constraints_too(routed_complaint, citizen, relative):
    """The database refuses what the services refuse: a representation to oneself, a period out of order."""
    from django.db import IntegrityError, transaction

    for fields in (
        {"representative": citizen},
        {"valid_from": today(), "valid_until": today() - timedelta(days=1)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Representation.objects.create(
                **{"principal": citizen, "representative": relative, "valid_from": today(), **fields}
            )
