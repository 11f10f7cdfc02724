"""The demo's retention: periods per department and one KLE subject; two cases closed in 2019, past their
period: one already anonymised (its line in the log), one left for the beat job."""

from datetime import datetime

from accounts.models import Department, User
from classification.models import KleNumber
from complaints.deadlines import COPENHAGEN
from complaints.models import Complaint
from complaints.services import close_complaint, file_complaint
from retention.models import AnonymisationLog, RetentionPeriod
from retention.services import anonymise_case

YEARS = {"familiecentret": 5, "natur-og-miljo": 5, "borgerservice": 5, "jobcenter": 5}
OLD_CASES = [
    ("Fældning af træ ved stien", "Kommunen fældede egetræet ved stien bag Ole Nielsens have uden varsel."),
    (
        "Støj fra vejarbejde om natten",
        "Vejarbejdet på Søndergade larmede hver nat i tre uger. Ring til mig på 31 41 59 26.",
    ),
]
CLOSED_IN_2019 = datetime(2019, 3, 14, 11, 0, tzinfo=COPENHAGEN)


def seed() -> None:
    for slug, years in YEARS.items():
        department = Department.objects.filter(slug=slug).first()
        if department is not None:
            RetentionPeriod.objects.update_or_create(department=department, defaults={"years": years})
    aflastning = KleNumber.objects.filter(number="91.01.05").first()
    if aflastning is not None:
        RetentionPeriod.objects.update_or_create(kle_subject=aflastning, defaults={"years": 10})
    if AnonymisationLog.objects.exists() or Complaint.objects.filter(subject=OLD_CASES[1][0]).exists():
        return
    citizen, caseworker = (
        User.objects.get(email="borger2@example.dk"),
        User.objects.get(email="sagsbehandler2@example.dk"),
    )
    nature = Department.objects.get(slug="natur-og-miljo")
    old = []
    for subject, description in OLD_CASES:
        complaint = file_complaint(
            citizen=citizen, kind=Complaint.Kind.OTHER, department=nature, subject=subject,
            description=description, contact_channel=Complaint.ContactChannel.EMAIL,
        )  # fmt: skip
        close_complaint(
            actor=caseworker,
            complaint=complaint,
            outcome=Complaint.Outcome.RESOLVED_IN_DIALOGUE,
            note="Vi har talt om det.",
        )
        Complaint.objects.filter(id=complaint.id).update(created_at=CLOSED_IN_2019, closed_at=CLOSED_IN_2019)
        old.append(complaint)
    anonymise_case(
        complaint_id=old[0].id, reason=AnonymisationLog.Reason.RETENTION, rule="Natur- og Miljøafdelingen: 5 år"
    )
