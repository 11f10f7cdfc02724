"""The demo's legal track: guidance templates per department, one complaint waiting in partshøring and one
upheld and forwarded to Ankestyrelsen with its klagepakke. Idempotent: each is made once, found by its subject."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Department, User
from casework import services
from casework.models import GuidanceTemplate
from complaints import services as complaints
from complaints.models import Complaint
from documents.pdf import render_pdf
from documents.text import markdown_tree

ANKESTYRELSEN = (
    "Du kan klage over afgørelsen til **Ankestyrelsen**. Klagen skal være modtaget senest **fire uger** efter, "
    "at du har fået afgørelsen.\n\n"
    "Send klagen til os: skriv i Borgerdialog under din klage, eller send en e-mail. Vi ser på sagen igen. "
    "Holder vi fast i afgørelsen, sender vi klagen og sagens papirer til Ankestyrelsen. Du får besked, når vi "
    "har sendt den."
)
TEMPLATES = {
    "familiecentret": [("Klage til Ankestyrelsen (serviceloven)", "Ankestyrelsen", ANKESTYRELSEN)],
    "jobcenter": [("Klage til Ankestyrelsen (beskæftigelse)", "Ankestyrelsen", ANKESTYRELSEN)],
    "natur-og-miljo": [
        (
            "Klage til Miljø- og Fødevareklagenævnet",
            "Miljø- og Fødevareklagenævnet",
            "Du kan klage over afgørelsen til **Miljø- og Fødevareklagenævnet** inden **fire uger**. Du klager "
            "gennem Klageportalen på borger.dk. Det koster et gebyr, som du får igen, hvis du får medhold.",
        )
    ],
}
HEARING_SUBJECT = "Afslag på merudgifter til medicin"
FORWARDED_SUBJECT = "Afslag på aflastning i weekenden"
GROUNDS = {
    "legal_rules": (
        "Serviceloven § 84, stk. 1: kommunen skal tilbyde aflastning til forældre, der passer et barn med en "
        "nedsat funktionsevne i hjemmet, når der er behov for det."
    ),
    "considerations": (
        "Vi har lagt vægt på, at jeres søn er i skole og SFO til kl. 17 alle hverdage. I får allerede "
        "aflastning en weekend om måneden."
    ),
    "facts": (
        "Jeres søn er 9 år. Han går i specialklasse. Skolen skriver, at han har det godt. Lægen skriver, at han "
        "sover uroligt. I har søgt aflastning hver anden weekend."
    ),
}


def seed() -> None:
    for slug, templates in TEMPLATES.items():
        department = Department.objects.filter(slug=slug).first()
        for name, appeals_body, text in templates if department else []:
            GuidanceTemplate.objects.update_or_create(
                department=department, name=name, defaults={"appeals_body": appeals_body, "text": text}
            )
    citizen = User.objects.get(email="borger@example.dk")
    caseworker = User.objects.get(email="sagsbehandler@example.dk")
    if not Complaint.objects.filter(citizen=citizen, subject=HEARING_SUBJECT).exists():
        _in_partshoering(citizen, caseworker)
    if not Complaint.objects.filter(citizen=citizen, subject=FORWARDED_SUBJECT).exists():
        _upheld_and_forwarded(citizen, caseworker)


def _routed(citizen: User, subject: str, description: str) -> Complaint:
    complaint = complaints.file_complaint(
        citizen=citizen,
        kind=Complaint.Kind.DECISION,
        department=Department.objects.get(slug="familiecentret"),
        subject=subject,
        description=description,
        case_number="13/37262",
        decision_date=timezone.localdate() - timedelta(days=12),
        contact_channel=Complaint.ContactChannel.PHONE,
        phone="12 34 56 78",
        decision_file=_original_decision(subject),
    )
    complaints.route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint


def _original_decision(subject: str) -> SimpleUploadedFile:
    content = render_pdf(
        template="documents/text.typ",
        context={
            "heading": subject,
            "body": markdown_tree("Kommunen har givet afslag på din ansøgning. Du kan klage inden fire uger."),
        },
        language="da",
        title=subject,
    )
    return SimpleUploadedFile("afgoerelse.pdf", content, content_type="application/pdf")


def _contact(complaint: Complaint, caseworker: User, summary: str) -> None:
    complaints.log_contact(
        actor=caseworker,
        task=complaint.tasks.get(kind="early_contact"),
        channel="phone",
        contacted_at=timezone.now() - timedelta(days=2),
        summary=summary,
        citizen_understood_decision="partly",
    )


def _in_partshoering(citizen: User, caseworker: User) -> None:
    complaint = _routed(
        citizen,
        HEARING_SUBJECT,
        "Vi har fået afslag på dækning af merudgifter til vores datters medicin. Hun har brug for den hver dag.",
    )
    _contact(complaint, caseworker, "Talte med Mette om medicinen. Vi indhenter en udtalelse fra lægen.")
    services.send_hearing(
        actor=caseworker,
        complaint=complaint,
        facts=(
            "Vi har fået en udtalelse fra jeres læge. Lægen skriver, at medicinen kan købes i håndkøb, og at "
            "der findes en billigere medicin, der virker lige så godt.\n\nVil du kommentere det, før vi træffer "
            "afgørelse?"
        ),
    )


def _upheld_and_forwarded(citizen: User, caseworker: User) -> None:
    complaint = _routed(
        citizen,
        FORWARDED_SUBJECT,
        "Vi har fået afslag på aflastning hver anden weekend. Vi er meget trætte, og vores søn sover dårligt.",
    )
    _contact(complaint, caseworker, "Talte med Mette om weekenderne. Hun fastholder klagen.")
    hearing = services.send_hearing(
        actor=caseworker, complaint=complaint, facts="Skolen skriver, at jeres søn har det godt i skolen og i SFO."
    )
    services.answer_hearing(actor=citizen, hearing=hearing, answer="Han har det godt i skolen, men ikke om natten.")
    template = GuidanceTemplate.objects.get(department=complaint.department, name=TEMPLATES["familiecentret"][0][0])
    services.send_decision(
        actor=caseworker,
        complaint=complaint,
        kind="upheld",
        decision="Vi fastholder afgørelsen. I får ikke aflastning hver anden weekend.",
        complaint_guidance=template.text,
        **GROUNDS,
    )
    services.forward_complaint(
        actor=caseworker,
        complaint=complaint,
        grounds=(
            "Vi har set på sagen igen efter klagen og jeres svar. Det nye om søvnen ændrer ikke, at behovet "
            "for aflastning er dækket af skolen, SFO og en weekend om måneden."
        ),
        appeals_body=template.appeals_body,
    )
