"""Every write of an access request: asking, naming the case, preparing the documents, deciding, and the
deadline watch (the day-5 reminder and the fristbrev)."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from access_requests import documents as letters
from access_requests.models import AccessDocument, AccessRequest
from access_requests.permissions import can_decide_access_request
from accounts.models import Department, User
from accounts.selectors import department_caseworkers
from accounts.services import record_staff_action
from casework.selectors import decisions_of, hearings_of
from complaints.deadlines import COPENHAGEN, add_working_days
from complaints.models import Complaint
from complaints.selectors import CaseDocument, access_complaint_by_id, case_documents, people_known_to_case
from dialogue.services import ANONYMISED_TEXT
from notifications.services import queue_email, tell
from themes.redaction import redact

DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 4000


def deadlines_for(received: datetime) -> tuple[datetime, datetime]:
    """(when the caseworker is reminded: the start of the fifth working day; the deadline: the end of the
    seventh), counted in Danish working days from the day after receipt."""
    fifth = add_working_days(start=received, days=settings.ACCESS_REQUEST_REMINDER_WORKING_DAY)
    remind_at = datetime.combine(fifth.date(), time(0, 0), tzinfo=COPENHAGEN)
    return remind_at, add_working_days(start=received, days=settings.ACCESS_REQUEST_WORKING_DAYS)


def expected_date_after(due_at: datetime) -> date:
    return add_working_days(start=due_at, days=settings.ACCESS_REQUEST_EXTENSION_WORKING_DAYS).date()


def request_access(
    *, requester: User, complaint_id: int | None = None, description: str = "", department: Department | None = None
) -> AccessRequest:
    """Ask for access: to the documents of one's own case (`complaint_id`), or to what `description` names
    in `department`'s cases. The clock of § 36 starts now."""
    description = (description or "").strip()
    errors: dict[str, list[str]] = {}
    complaint = None
    if complaint_id is not None:
        try:
            complaint = access_complaint_by_id(user=requester, complaint_id=complaint_id)
        except Http404:
            complaint = None
        if complaint is None or complaint.citizen_id != requester.id:
            errors["complaint"] = [_("Sagen findes ikke, eller du er ikke part i den.")]
        else:
            department = complaint.department
    elif len(description) < DESCRIPTION_MIN:
        errors["description"] = [_("Beskriv, hvilke dokumenter du ønsker aktindsigt i (mindst 10 tegn).")]
    if complaint_id is None and department is None:
        errors["department"] = [_("Vælg den afdeling, der har sagen.")]
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = [_("Beskrivelsen må højst være på 4000 tegn.")]
    if errors:
        raise ValidationError(errors)
    received = timezone.now()
    remind_at, due_at = deadlines_for(received)
    with transaction.atomic():
        access_request = AccessRequest.objects.create(
            requester=requester,
            department=department,
            complaint=complaint,
            description=description,
            is_party=complaint is not None,
            received_at=received,
            remind_at=remind_at,
            due_at=due_at,
        )
        if complaint is not None:
            _prepare(access_request)
        _tell_staff(access_request, template="access_requests/email/received.txt", key="received")
    return access_request


def identify_case(*, actor: User, access_request: AccessRequest, complaint_id: int) -> AccessRequest:
    """Name the department's case a request by description is about, and prepare its documents."""
    if not can_decide_access_request(actor, access_request):
        raise PermissionDenied
    try:
        complaint = access_complaint_by_id(user=actor, complaint_id=complaint_id)
    except Http404:
        complaint = None
    if complaint is None or complaint.department_id != access_request.department_id:
        raise ValidationError({"complaint": [_("Vælg en sag i afdelingen.")]})
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(id=access_request.id)
        if locked.status != AccessRequest.Status.OPEN:
            raise ValidationError({"complaint": [_("Anmodningen er allerede afgjort.")]})
        if locked.is_party:
            raise ValidationError({"complaint": [_("Anmodningen gælder allerede en bestemt sag.")]})
        locked.complaint = complaint
        locked.save(update_fields=["complaint", "updated_at"])
        locked.documents.all().delete()
        _prepare(locked)
        record_staff_action(
            actor=actor, action="access_requests.identify_case", target=locked, details={"complaint_id": complaint.id}
        )
    return locked


def refresh_documents(*, actor: User, access_request: AccessRequest) -> int:
    """Add the case's documents written since the request was prepared (a new message, a new note)."""
    if not can_decide_access_request(actor, access_request):
        raise PermissionDenied
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(id=access_request.id)
        if locked.status != AccessRequest.Status.OPEN or locked.complaint_id is None:
            return 0
        return _prepare(locked)


def documents_of_case(*, complaint: Complaint) -> list[CaseDocument]:
    """What a request is decided on: the complaint's documents (complaints) and its legal track (casework):
    each decision letter with its grounds and guidance, each hearing with the citizen's answer."""
    documents = case_documents(complaint=complaint)
    for decision in decisions_of(complaint=complaint):
        parts = [decision.decision, decision.legal_rules, decision.considerations, decision.facts]
        text = "\n\n".join(part for part in [*parts, decision.complaint_guidance] if part)
        documents.append(CaseDocument(AccessDocument.Kind.DECISION, decision.id, decision.sent_at, text))
    for hearing in hearings_of(complaint=complaint):
        text = "\n\n".join(part for part in [hearing.facts, hearing.answer] if part)
        documents.append(CaseDocument(AccessDocument.Kind.HEARING, hearing.id, hearing.sent_at, text))
    return sorted(documents, key=lambda document: document.dated_at)


def names_to_remove(access_request: AccessRequest, complaint: Complaint) -> list[str]:
    """The people known to the case whose names go: all of them, except the requester's own in her own case."""
    people = people_known_to_case(complaint=complaint)
    return [p.full_name for p in people if not (access_request.is_party and p.id == access_request.requester_id)]


def _prepare(access_request: AccessRequest) -> int:
    """Store each document of the case not yet on the request, its text redacted (a proposal for the
    caseworker to review). Safe to run twice: one row per document."""
    complaint = Complaint.objects.select_related("citizen", "caseworker", "thread").get(id=access_request.complaint_id)
    names = names_to_remove(access_request, complaint)
    known = set(access_request.documents.values_list("kind", "source_id"))
    with translation.override(settings.LANGUAGE_CODE):
        new = [
            AccessDocument(
                request=access_request,
                kind=document.kind,
                source_id=document.source_id,
                dated_at=document.dated_at,
                released_text=redact(document.text, names=names),
            )
            for document in documents_of_case(complaint=complaint)
            if (document.kind, document.source_id) not in known
        ]
    AccessDocument.objects.bulk_create(new)
    return len(new)


@dataclass(frozen=True)
class DocumentChoice:
    release: bool
    text: str = ""
    grounds: str = ""


def decide_access_request(
    *, actor: User, access_request: AccessRequest, choices: dict[int, DocumentChoice], grounds: str = ""
) -> AccessRequest:
    """Decide: each document released (with the text as reviewed) or withheld (with its own grounds). The
    decision follows: full when all are released, refused when none is, partial otherwise; anything but full
    access needs grounds. The released documents reach the requester in the product."""
    if not can_decide_access_request(actor, access_request):
        raise PermissionDenied
    grounds = grounds.strip()
    documents = list(access_request.documents.all())
    errors: dict[str, list[str]] = {}
    if access_request.complaint_id is None:
        errors["complaint"] = [_("Find sagen, anmodningen gælder, før du afgør den.")]
    for document in documents:
        choice = choices.get(document.id)
        if choice is None:
            errors[f"document_{document.id}"] = [_("Vælg, om dokumentet udleveres.")]
        elif choice.release and not choice.text.strip():
            errors[f"text_{document.id}"] = [_("Et dokument, der udleveres, skal have en tekst.")]
        elif not choice.release and not choice.grounds.strip():
            errors[f"grounds_{document.id}"] = [_("Skriv, hvorfor dokumentet undtages (fx hvilken bestemmelse).")]
        elif len(choice.text) > 20000 or len(choice.grounds) > 2000:
            errors[f"text_{document.id}"] = [_("Teksten er for lang.")]
    released = sum(1 for d in documents if choices.get(d.id) and choices[d.id].release)
    decision = (
        AccessRequest.Decision.FULL
        if documents and released == len(documents)
        else AccessRequest.Decision.REFUSED
        if released == 0
        else AccessRequest.Decision.PARTIAL
    )
    if decision != AccessRequest.Decision.FULL and not grounds:
        errors["grounds"] = [_("Skriv begrundelsen for afgørelsen og de regler, den bygger på.")]
    if len(grounds) > 4000:
        errors["grounds"] = [_("Begrundelsen må højst være på 4000 tegn.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(id=access_request.id)
        if locked.status != AccessRequest.Status.OPEN:
            raise ValidationError({"grounds": [_("Anmodningen er allerede afgjort.")]})
        for document in documents:
            choice = choices[document.id]
            document.released = choice.release
            document.released_text = choice.text.strip() if choice.release else ""
            document.withheld_grounds = "" if choice.release else choice.grounds.strip()
        AccessDocument.objects.bulk_update(documents, ["released", "released_text", "withheld_grounds"])
        locked.status = AccessRequest.Status.DECIDED
        locked.decision = decision
        locked.grounds = grounds
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.save()
        record_staff_action(
            actor=actor,
            action="access_requests.decide_access_request",
            target=locked,
            details={"decision": decision, "released": released, "documents": len(documents)},
        )
        _tell_requester(
            locked,
            template="access_requests/email/decided.txt",
            key="decided",
            title=gettext_lazy("Afgørelse om aktindsigt"),
        )
    return locked


def _url(access_request: AccessRequest) -> str:
    return reverse("access_requests:detail", args=[access_request.id])


def _staff_to_tell(access_request: AccessRequest) -> list[User]:
    complaint = access_request.complaint
    if complaint is not None and complaint.caseworker is not None:
        return [complaint.caseworker]
    return list(department_caseworkers(department_id=access_request.department_id))


def _tell_staff(access_request: AccessRequest, *, template: str, key: str) -> None:
    for person in _staff_to_tell(access_request):
        queue_email(
            recipient=person,
            template=template,
            context={"access_request": access_request, "url": _url(access_request)},
            dedupe_key=f"access-{key}-{access_request.id}-{person.id}",
        )


def _tell_requester(access_request: AccessRequest, *, template: str, key: str, title) -> None:
    """E-mail and a notice, in the requester's language (`title` is a lazy msgid)."""
    tell(
        user=access_request.requester,
        title=title,
        url=_url(access_request),
        template=template,
        context={"access_request": access_request, "url": _url(access_request)},
        key=f"access-{key}-{access_request.id}",
    )


def watch_deadlines(*, now: datetime | None = None) -> dict[str, int]:
    """The beat job: remind the caseworker on the fifth working day; draft the fristbrev when the deadline day
    begins and the request is still open; send it once the deadline has passed. Safe to run twice: each
    step is marked on the row it is done for, under a row lock."""
    now = now or timezone.now()
    done = {"reminded": 0, "drafted": 0, "sent": 0}
    open_requests = (
        AccessRequest.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("requester", "complaint__caseworker")
        .filter(status=AccessRequest.Status.OPEN)
    )
    with transaction.atomic():
        for access_request in open_requests.filter(reminded_at__isnull=True, remind_at__lte=now)[:500]:
            _tell_staff(access_request, template="access_requests/email/reminder.txt", key="reminder")
            AccessRequest.objects.filter(id=access_request.id).update(reminded_at=now)
            done["reminded"] += 1
    with transaction.atomic():
        for access_request in open_requests.filter(late_letter_drafted_at__isnull=True)[:500]:
            deadline_day_begins = datetime.combine(
                access_request.due_at.astimezone(COPENHAGEN).date(), time(0, 0), tzinfo=COPENHAGEN
            )
            if deadline_day_begins > now:
                continue
            draft_late_letter(access_request=access_request, now=now)
            done["drafted"] += 1
    with transaction.atomic():
        for access_request in open_requests.filter(late_letter_sent_at__isnull=True, due_at__lt=now)[:500]:
            if access_request.late_letter_drafted_at is None:
                draft_late_letter(access_request=access_request, now=now)
            access_request.late_letter_sent_at = now
            pdf = letters.late_letter_pdf(access_request)
            access_request.late_letter_pdf.save(
                f"{access_request.reference}-fristbrev.pdf", ContentFile(pdf), save=False
            )
            access_request.save(update_fields=["late_letter_sent_at", "late_letter_pdf", "updated_at"])
            _tell_requester(
                access_request,
                template="access_requests/email/late_letter.txt",
                key="late",
                title=gettext_lazy("Fristbrev: din anmodning om aktindsigt"),
            )
            done["sent"] += 1
    return done


def draft_late_letter(*, access_request: AccessRequest, now: datetime) -> None:
    """The fristbrev's draft: the reason and the date the requester can expect a decision (a number of working
    days after the deadline). The caseworker may change both until it is sent."""
    with translation.override(settings.LANGUAGE_CODE):
        reason = _(
            "Vi har ikke kunnet nå at gennemgå sagens dokumenter og fjerne andres personoplysninger inden for "
            "fristen på syv arbejdsdage."
        )
    access_request.late_letter_reason = access_request.late_letter_reason or reason
    access_request.expected_by = access_request.expected_by or expected_date_after(access_request.due_at)
    access_request.late_letter_drafted_at = now
    access_request.save(update_fields=["late_letter_reason", "expected_by", "late_letter_drafted_at", "updated_at"])
    _tell_staff(access_request, template="access_requests/email/late_letter_drafted.txt", key="drafted")


def revise_late_letter(*, actor: User, access_request: AccessRequest, reason: str, expected_by: date) -> AccessRequest:
    """The caseworker's own reason and expected date, until the fristbrev is sent."""
    if not can_decide_access_request(actor, access_request):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not reason.strip() or len(reason) > 2000:
        errors["reason"] = [_("Skriv begrundelsen for, at fristen ikke kan holdes (højst 2000 tegn).")]
    if expected_by is None or expected_by <= access_request.due_at.astimezone(COPENHAGEN).date():
        errors["expected_by"] = [_("Den forventede dato skal ligge efter fristen.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(id=access_request.id)
        if locked.status != AccessRequest.Status.OPEN or locked.late_letter_sent_at is not None:
            raise ValidationError({"reason": [_("Fristbrevet er allerede sendt.")]})
        locked.late_letter_reason = reason.strip()
        locked.expected_by = expected_by
        locked.late_letter_drafted_at = locked.late_letter_drafted_at or timezone.now()
        locked.save(update_fields=["late_letter_reason", "expected_by", "late_letter_drafted_at", "updated_at"])
        record_staff_action(
            actor=actor,
            action="access_requests.revise_late_letter",
            target=locked,
            details={"expected_by": expected_by},
        )
    return locked


def anonymise_requests_about(*, complaint_id: int, erased_person: User) -> int:
    """Part of anonymising a case (retention): the released texts, the descriptions, the fristbrev and, for the
    case's own citizen, her name as requester go; the dates, the decisions and which documents were withheld on which
    grounds stay. Safe to run twice."""
    requests = AccessRequest.objects.filter(complaint_id=complaint_id)
    with transaction.atomic():
        AccessDocument.objects.filter(request__in=requests).update(released_text="")
        requests.filter(is_party=True).update(requester=erased_person)
        for letter in [r.late_letter_pdf for r in requests.exclude(late_letter_pdf="")]:
            # The file goes once the rows no longer point to it for good; a rollback keeps both.
            transaction.on_commit(lambda letter=letter: letter.storage.delete(letter.name))
        requests.update(description="", grounds="", late_letter_reason="", late_letter_pdf="")
    return requests.count()


def anonymise_requests_by(*, requester: User) -> int:
    """Part of erasing a person's account (retention): what she wrote in her requests about others' cases (her
    own cases' requests go with those cases) and the fristbreve addressed to her. Safe to run twice."""
    requests = AccessRequest.objects.filter(requester=requester)
    with transaction.atomic():
        for letter in [r.late_letter_pdf for r in requests.exclude(late_letter_pdf="")]:
            transaction.on_commit(lambda letter=letter: letter.storage.delete(letter.name))
        # A request without a case keeps a description (the database asks for one): the placeholder.
        return requests.update(description=ANONYMISED_TEXT, late_letter_pdf="")
