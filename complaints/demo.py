"""The demo's complaints for the identity issue.

Assisted intake: Borgerservice has filed a complaint for a citizen who phoned in. Its claim code is a known one
(DEMO_CLAIM_CODE, printed by seed_demo and in the README), so a demo citizen can log in and claim it under "Hent
en klage"; a real code is random and shown only once to the employee.

Representation: Mette Hansen's complaint to Familiecentret, which her relative Susanne Hansen
(paaroerende@example.dk) follows and writes in on her behalf, through an accepted fuldmagt."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Department, StandIn, User
from accounts.services import issue_claim_code
from complaints import services
from complaints.models import Complaint, Representation
from complaints.services import file_complaint_for_citizen
from dialogue.services import post_message

DEMO_CLAIM_CODE = "HENT-KLAG-2345"
SUBJECT = "Ingen svar om hjemmehjælp"
REPRESENTED_SUBJECT = "Afslag på aflastning til vores søn"


def seed() -> None:
    """Idempotent: a second run finds what the first made and changes nothing."""
    _assisted_intake()
    _representation()


def _assisted_intake() -> None:
    clerk = User.objects.get(email="borgerservice@example.dk")
    if Complaint.objects.filter(filed_by=clerk, subject=SUBJECT).exists():
        return
    complaint, _code = file_complaint_for_citizen(
        actor=clerk,
        full_name="Mette Hansen",
        identified_by=StandIn.IdentifiedBy.PHONE_ONLY,
        consent=True,
        postal_address="Kanalstræde 2\n4300 Holbæk",
        phone="22 33 44 55",
        receipt_by_letter=True,
        receipt_by_email=False,
        kind=Complaint.Kind.CASE_HANDLING,
        department=Department.objects.get(slug="familiecentret"),
        subject=SUBJECT,
        description=(
            "Borgeren ringede: hun har ventet i tre måneder på svar om hjemmehjælp til sin mor og ved ikke, "
            "hvem hun skal tale med."
        ),
        contact_channel=Complaint.ContactChannel.PHONE,
        contact_time="Formiddag",
    )
    issue_claim_code(actor=clerk, stand_in=complaint.citizen.stand_in, code=DEMO_CLAIM_CODE)


def _representation() -> None:
    """Mette Hansen's own complaint, which her relative Susanne Hansen follows through an accepted fuldmagt."""
    citizen = User.objects.get(email="borger@example.dk")
    relative = User.objects.get(email="paaroerende@example.dk")
    if Representation.objects.filter(principal=citizen, representative=relative).exists():
        return
    complaint = Complaint.objects.filter(citizen=citizen, subject=REPRESENTED_SUBJECT).first() or _file(citizen)
    today = timezone.localdate()
    representation = services.grant_representation(
        citizen=citizen,
        representative_email=relative.email,
        complaint_id=complaint.id,
        valid_from=today,
        valid_until=today + timedelta(days=365),
    )
    services.answer_representation(actor=relative, representation=representation, accept=True)
    post_message(
        author=relative,
        thread=complaint.thread,
        body="Jeg er Mettes søster og hjælper hende med klagen. Kan vi aftale et møde, hvor vi begge kan deltage?",
        client_id="demo-representative-1",
    )


def _file(citizen: User) -> Complaint:
    citizen.assurance_level = "substantial"  # as after her MitID login
    complaint = services.file_complaint(
        citizen=citizen,
        kind=Complaint.Kind.DECISION,
        department=Department.objects.get(slug="familiecentret"),
        subject=REPRESENTED_SUBJECT,
        description=(
            "Vi har fået afslag på aflastning til vores søn på 9 år. Vi forstår ikke begrundelsen, og vi er "
            "ved at gå ned med stress. Min søster Susanne hjælper mig med sagen."
        ),
        contact_channel=Complaint.ContactChannel.PHONE,
        phone="12 34 56 78",
        decision_date=timezone.localdate() - timedelta(days=10),
    )
    services.route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint
