"""The demo's assisted intake: Borgerservice has filed a complaint for a citizen who phoned in.

Its claim code is a known one (DEMO_CLAIM_CODE, printed by seed_demo and in the README), so a demo citizen can
log in and claim it under "Hent en klage"; a real code is random and shown only once to the employee."""

from accounts.models import Department, StandIn, User
from accounts.services import issue_claim_code
from complaints.models import Complaint
from complaints.services import file_complaint_for_citizen

DEMO_CLAIM_CODE = "HENT-KLAG-2345"
SUBJECT = "Ingen svar om hjemmehjælp"


def seed() -> None:
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
