"""Every write on a complaint's legal track, and the rules of forvaltningsloven and retssikkerhedsloven.

- Partshøring (§ 19): facts the citizen has not seen go to her for comment with a deadline in Danish working
  days (HEARING_WORKING_DAYS, default 14); she answers in the product (text and documents).
- More time (§ 21): she may ask before the deadline; the caseworker grants a new deadline or refuses with
  reasons. While her request waits, the hearing stays open past its deadline (expire_hearings leaves it).
- Decision letters (§§ 22–25): without full agreement a letter is never sent without its grounds (the legal
  rules, the main considerations, the facts) and its complaint guidance; nor while a partshøring waits for
  the citizen, unless the caseworker records why it may (§ 19 stk. 2).
- Genvurdering (retssikkerhedsloven § 66): an upheld decision is reassessed with grounds and forwarded to the
  appeals body with the klagepakke; the citizen is told where and when. The 4-week clock never pauses.
"""

import hashlib
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from accounts.services import record_staff_action
from casework import documents
from casework.models import TEXT_MAX, Decision, Hearing, Reassessment
from casework.permissions import can_answer_hearing, can_decide_extension, can_do_casework
from casework.readability import lix
from complaints import services as complaints
from complaints.deadlines import COPENHAGEN, add_working_days, is_working_day
from complaints.models import Complaint, ComplaintAttachment, ComplaintEvent
from core.uploads import check_attachment
from dialogue import services as dialogue
from dialogue.models import BODY_MAX_LENGTH
from notifications.services import absolute_url, tell

MAX_ANSWER_FILES = 5


def _text(errors: dict, field: str, value: str, *, required: str | None, max_length: int = TEXT_MAX) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = [required]
    elif len(value) > max_length:
        errors[field] = [_("Teksten må højst være på %(max)d tegn.") % {"max": max_length}]
    return value


def _tell(*, user: User, title: str, url: str, template: str, context: dict, key: str) -> None:
    """A notice and an e-mail, in the recipient's language (`title` is a msgid with %(ref)s)."""
    tell(user=user, title=title, values=context, url=url, template=template, context={**context, "url": url}, key=key)


def _date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(COPENHAGEN).date()
    return formats.date_format(value, "DATE_FORMAT")


# Deadlines ----------------------------------------------------------------------------------------------


def end_of_working_day(day: date) -> datetime:
    """The end of `day` (Copenhagen), or of the next working day when `day` is a weekend or a holiday:
    a deadline that falls on a day the office is closed runs to the next working day."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, time(23, 59, 59), tzinfo=COPENHAGEN)


def default_hearing_deadline(*, start: datetime | None = None) -> datetime:
    return add_working_days(start=start or timezone.now(), days=settings.HEARING_WORKING_DAYS)


def default_extension(*, deadline: datetime) -> datetime:
    """§ 21: more time granted without a date asked for runs HEARING_EXTENSION_WORKING_DAYS past the deadline."""
    return add_working_days(start=deadline, days=settings.HEARING_EXTENSION_WORKING_DAYS)


def _deadline_after(errors: dict, field: str, day: date | None, *, after: datetime) -> datetime | None:
    if day is None:
        return None
    deadline = end_of_working_day(day)
    if deadline <= after:
        errors[field] = [_("Fristen skal ligge efter %(date)s.") % {"date": _date(after)}]
    return deadline


# Partshøring (§ 19) and questions -------------------------------------------------------------------------


def send_hearing(
    *, actor: User, complaint: Complaint, facts: str, deadline: date | None = None, kind: str = "partshoering"
) -> Hearing:
    """Send the citizen facts for her comment (or a question) with a deadline; the case waits for her."""
    if not can_do_casework(actor, complaint):
        raise PermissionDenied
    now = timezone.now()
    errors: dict[str, list[str]] = {}
    if kind not in Hearing.Kind.values:
        errors["kind"] = [_("Vælg partshøring eller spørgsmål.")]
    facts = _text(errors, "facts", facts, required=_("Skriv de oplysninger, borgeren skal kommentere."))
    due = _deadline_after(errors, "deadline", deadline, after=now) or default_hearing_deadline(start=now)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Complaint.objects.select_for_update(of=("self",)).select_related("citizen").get(id=complaint.id)
        if Hearing.objects.filter(complaint=locked, status=Hearing.Status.OPEN).exists():
            raise ValidationError({"facts": [_("Sagen venter allerede på borgerens svar på en høring.")]})
        hearing = Hearing.objects.create(
            complaint=locked, kind=kind, facts=facts, sent_by=actor, sent_at=now, deadline=due, first_deadline=due
        )
        complaints.record_event(complaint=locked, kind=ComplaintEvent.Kind.HEARING, actor=actor, note=_date(due))
        record_staff_action(
            actor=actor, action="casework.send_hearing", target=hearing, details={"kind": kind, "deadline": due}
        )
        _tell(
            user=locked.citizen,
            title=gettext_noop("Svar os på oplysninger i din klage %(ref)s"),
            url=hearing.get_absolute_url(),
            template="casework/email/hearing_sent.txt",
            context={"ref": locked.reference, "hearing": hearing, "deadline": _date(due)},
            key=f"hearing-sent-{hearing.id}",
        )
    return hearing


def answer_hearing(*, actor: User, hearing: Hearing, answer: str, uploads: Sequence[UploadedFile] = ()) -> Hearing:
    """The citizen's comment, in text and documents (kept in the case's documents); the waiting ends."""
    if not can_answer_hearing(actor, hearing):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    answer = _text(errors, "answer", answer, required=None)
    if not answer and not uploads:
        errors["answer"] = [_("Skriv dit svar, eller vedhæft et dokument.")]
    if len(uploads) > MAX_ANSWER_FILES:
        errors["files"] = [_("Højst %(max)d filer pr. svar.") % {"max": MAX_ANSWER_FILES}]
    for upload in uploads[:MAX_ANSWER_FILES]:
        try:
            check_attachment(title=upload.name or "x", upload=upload)
        except ValidationError as error:
            errors["files"] = error.message_dict.get("file", error.messages)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        locked = (
            Hearing.objects.select_for_update(of=("self",)).select_related("complaint", "sent_by").get(id=hearing.id)
        )
        if not can_answer_hearing(actor, locked):
            raise ValidationError({"answer": [_("Høringen er lukket og kan ikke længere besvares.")]})
        with translation.override(actor.language):
            prefix = _("Svar på høring")
        for upload in uploads:
            stem = (upload.name or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            locked.answer_attachments.add(
                complaints.add_complaint_attachment(
                    actor=actor, complaint=locked.complaint, title=f"{prefix}: {stem}"[:200], upload=upload
                )
            )
        locked.answer, locked.answered_at = answer, now
        locked.status, locked.ended_at = Hearing.Status.ANSWERED, now
        locked.save(update_fields=["answer", "answered_at", "status", "ended_at", "updated_at"])
        complaints.record_event(complaint=locked.complaint, kind=ComplaintEvent.Kind.HEARING_ANSWERED, actor=actor)
        _tell_caseworker(
            locked,
            gettext_noop("Borgeren har svaret i klage %(ref)s"),
            "casework/email/hearing_answered.txt",
            "answered",
        )
    return locked


def _tell_caseworker(hearing: Hearing, title: str, template: str, event: str) -> None:
    complaint = hearing.complaint
    recipient = complaint.caseworker or hearing.sent_by
    if recipient is None:
        return
    _tell(
        user=recipient,
        title=title,
        url=hearing.get_absolute_url(),
        template=template,
        context={"ref": complaint.reference, "hearing": hearing, "deadline": _date(hearing.deadline)},
        key=f"hearing-{event}-{hearing.id}-{hearing.extension_requested_at or ''}",
    )


def request_extension(*, actor: User, hearing: Hearing, reason: str, wanted_until: date | None = None) -> Hearing:
    """§ 21: the citizen asks for more time before the deadline; the hearing then waits for the caseworker's
    answer even past its deadline."""
    if not can_answer_hearing(actor, hearing):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    reason = _text(errors, "reason", reason, required=_("Skriv, hvorfor du har brug for mere tid."), max_length=2000)
    if wanted_until is not None and end_of_working_day(wanted_until) <= hearing.deadline:
        errors["wanted_until"] = [_("Den ønskede frist skal ligge efter den nuværende frist.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = (
            Hearing.objects.select_for_update(of=("self",)).select_related("complaint", "sent_by").get(id=hearing.id)
        )
        if not locked.is_open or locked.deadline_passed:
            raise ValidationError({"reason": [_("Fristen er udløbet; kontakt din sagsbehandler.")]})
        if locked.extension_requested_at is not None:
            raise ValidationError({"reason": [_("Du har allerede bedt om mere tid i denne høring.")]})
        locked.extension_requested_at = timezone.now()
        locked.extension_reason, locked.extension_wanted_until = reason, wanted_until
        locked.save(
            update_fields=["extension_requested_at", "extension_reason", "extension_wanted_until", "updated_at"]
        )
        _tell_caseworker(
            locked,
            gettext_noop("Borgeren beder om mere tid i klage %(ref)s"),
            "casework/email/extension_requested.txt",
            "extension",
        )
    return locked


def decide_extension(
    *, actor: User, hearing: Hearing, grant: bool, deadline: date | None = None, refusal: str = ""
) -> Hearing:
    """The caseworker grants a new deadline (default: the one asked for, else HEARING_EXTENSION_WORKING_DAYS
    after the current one) or refuses with reasons."""
    if not can_decide_extension(actor, hearing):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    new_deadline = None
    if grant:
        asked = deadline or hearing.extension_wanted_until
        new_deadline = _deadline_after(errors, "deadline", asked, after=hearing.deadline) or default_extension(
            deadline=hearing.deadline
        )
    else:
        refusal = _text(
            errors, "refusal", refusal, required=_("Skriv, hvorfor borgeren ikke får mere tid."), max_length=2000
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = (
            Hearing.objects.select_for_update(of=("self",))
            .select_related("complaint", "complaint__citizen")
            .get(id=hearing.id)
        )
        if not locked.extension_pending or not locked.is_open:
            raise ValidationError({"grant": [_("Der er ingen anmodning om mere tid at tage stilling til.")]})
        locked.extension_decided_at, locked.extension_granted = timezone.now(), grant
        if grant:
            locked.deadline = new_deadline
        else:
            locked.extension_refusal = refusal
        locked.save(
            update_fields=["extension_decided_at", "extension_granted", "deadline", "extension_refusal", "updated_at"]
        )
        record_staff_action(
            actor=actor,
            action="casework.decide_extension",
            target=locked,
            details={"granted": grant, "deadline": locked.deadline},
        )
        _tell(
            user=locked.complaint.citizen,
            title=gettext_noop("Svar på din anmodning om mere tid i klage %(ref)s"),
            url=locked.get_absolute_url(),
            template="casework/email/extension_decided.txt",
            context={"ref": locked.complaint.reference, "hearing": locked, "deadline": _date(locked.deadline)},
            key=f"extension-decided-{locked.id}",
        )
    return locked


def expire_hearings(*, now: datetime | None = None) -> int:
    """Close hearings whose deadline has passed without an answer (not those with a request for more time
    waiting), and tell the caseworker the case can go on. Safe to run twice: an expired hearing is not open."""
    now = now or timezone.now()
    with transaction.atomic():
        hearings = list(
            Hearing.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("complaint", "complaint__caseworker", "sent_by")
            .filter(status=Hearing.Status.OPEN, deadline__lt=now)
            .exclude(extension_requested_at__isnull=False, extension_decided_at__isnull=True)[:500]
        )
        for hearing in hearings:
            hearing.status, hearing.ended_at = Hearing.Status.EXPIRED, hearing.deadline
            hearing.save(update_fields=["status", "ended_at", "updated_at"])
            _tell_caseworker(
                hearing,
                gettext_noop("Høringsfristen er udløbet i klage %(ref)s"),
                "casework/email/hearing_expired.txt",
                "expired",
            )
    return len(hearings)


# Decision letters (§§ 22–25) --------------------------------------------------------------------------------


def letter_text(*, decision: str, legal_rules: str, considerations: str, facts: str, complaint_guidance: str) -> str:
    """The letter's words as the citizen reads them, for its readability (LIX)."""
    return "\n".join(part.strip() for part in (decision, legal_rules, considerations, facts, complaint_guidance))


def letter_lix(**parts: str) -> float:
    return round(lix(letter_text(**parts)).score, 1)


def send_decision(
    *,
    actor: User,
    complaint: Complaint,
    kind: str,
    decision: str,
    legal_rules: str = "",
    considerations: str = "",
    facts: str = "",
    complaint_guidance: str = "",
    full_agreement: bool = False,
    hearing_override_reason: str = "",
) -> Decision:
    """Send a decision letter: a message in the case's thread, an e-mail, a notice and the PDF as sent.

    A changed decision closes the complaint (decision_changed); an upheld one goes on to the genvurdering.
    """
    if not can_do_casework(actor, complaint):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if kind not in Decision.Kind.values:
        errors["kind"] = [_("Vælg, hvilken slags afgørelse det er.")]
    parts = {
        "decision": _text(errors, "decision", decision, required=_("Skriv afgørelsen.")),
        "legal_rules": _text(
            errors,
            "legal_rules",
            legal_rules,
            required=None
            if full_agreement
            else _("Skriv de retsregler, afgørelsen bygger på (forvaltningsloven § 24)."),
        ),
        "considerations": _text(
            errors,
            "considerations",
            considerations,
            required=None
            if full_agreement
            else _("Skriv de hovedhensyn, der har været afgørende (forvaltningsloven § 24)."),
        ),
        "facts": _text(
            errors,
            "facts",
            facts,
            required=None
            if full_agreement
            else _("Skriv de faktiske forhold, afgørelsen bygger på (forvaltningsloven § 24)."),
        ),
        "complaint_guidance": _text(
            errors,
            "complaint_guidance",
            complaint_guidance,
            required=None
            if full_agreement
            else _("Skriv klagevejledningen: hvor, hvordan og hvornår borgeren kan klage (forvaltningsloven § 25)."),
        ),
    }
    override = _text(errors, "hearing_override_reason", hearing_override_reason, required=None, max_length=2000)
    if kind == Decision.Kind.UPHELD and full_agreement:
        errors["full_agreement"] = [_("En afgørelse, der fastholdes, giver ikke borgeren fuldt medhold.")]
    if kind == Decision.Kind.UPHELD and complaint.kind != Complaint.Kind.DECISION:
        errors["kind"] = [_("Kun en klage over en afgørelse kan fastholdes og sendes til klageinstansen.")]
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        locked = (
            Complaint.objects.select_for_update(of=("self",))
            .select_related("citizen", "department")
            .get(id=complaint.id)
        )
        if not can_do_casework(actor, locked):
            raise ValidationError({"kind": [_("Klagen er afsluttet.")]})
        if (
            kind != Decision.Kind.NEW
            and locked.decisions.filter(kind__in=[Decision.Kind.CHANGED, Decision.Kind.UPHELD]).exists()
        ):
            raise ValidationError({"kind": [_("Klagen har allerede fået sin afgørelse.")]})
        _check_open_hearing(locked, full_agreement=full_agreement, override=override)
        letter = Decision(
            complaint=locked,
            kind=kind,
            full_agreement=full_agreement,
            hearing_override_reason=override,
            lix=letter_lix(**parts),
            author=actor,
            sent_at=now,
            **parts,
        )
        letter.pdf.save(f"{locked.reference}-afgoerelse.pdf", ContentFile(documents.decision_pdf(letter)), save=False)
        try:
            letter.save()
        except IntegrityError:
            letter.pdf.storage.delete(letter.pdf.name)
            raise ValidationError({"kind": [_("Klagen har allerede fået sin afgørelse.")]}) from None
        Hearing.objects.filter(complaint=locked, status=Hearing.Status.OPEN).update(
            status=Hearing.Status.CLOSED, ended_at=now, updated_at=now
        )
        letter.message = _post_letter(letter)
        letter.save(update_fields=["message", "updated_at"])
        complaints.record_event(
            complaint=locked, kind=ComplaintEvent.Kind.DECISION, actor=actor, note=letter.get_kind_display()
        )
        record_staff_action(
            actor=actor,
            action="casework.send_decision",
            target=letter,
            details={"kind": kind, "full_agreement": full_agreement, "hearing_override_reason": override},
        )
        _tell(
            user=locked.citizen,
            title=gettext_noop("Du har fået en afgørelse i klage %(ref)s"),
            url=letter.get_absolute_url(),
            template="casework/email/decision_sent.txt",
            context={"ref": locked.reference, "letter": letter, "pdf_url": absolute_url(letter.get_pdf_url())},
            key=f"decision-sent-{letter.id}",
        )
        if kind == Decision.Kind.CHANGED:
            complaints.close_complaint(
                actor=actor, complaint=locked, outcome=Complaint.Outcome.DECISION_CHANGED, note=parts["decision"][:4000]
            )
    return letter


def _check_open_hearing(complaint: Complaint, *, full_agreement: bool, override: str) -> None:
    """§ 19: no decision to the citizen's disadvantage while she has facts to comment on, unless the caseworker
    records why it may be made now (§ 19 stk. 2); a decision in her full favour needs no wait."""
    waiting = complaint.hearings.filter(status=Hearing.Status.OPEN, kind=Hearing.Kind.PARTSHOERING).first()
    if waiting is None or full_agreement:
        return
    if len(override) < 10:
        raise ValidationError(
            {
                "hearing_override_reason": [
                    _(
                        "Sagen venter på borgerens svar på partshøringen (frist %(date)s). Vent på svaret, eller "
                        "skriv, hvorfor afgørelsen kan træffes nu (forvaltningsloven § 19, stk. 2)."
                    )
                    % {"date": _date(waiting.deadline)}
                ]
            }
        )


def _post_letter(letter: Decision):
    """The letter in the case's thread: the decision and a link to the whole letter."""
    complaint = letter.complaint
    if complaint.thread_id is None:
        return None
    with translation.override(complaint.citizen.language):
        heading = _("Afgørelse: %(kind)s") % {"kind": letter.get_kind_display()}
        link = _("Læs hele afgørelsen med begrundelse og klagevejledning: %(url)s") % {
            "url": absolute_url(letter.get_absolute_url())
        }
    room = BODY_MAX_LENGTH - len(heading) - len(link) - 8
    decision = letter.decision if len(letter.decision) <= room else letter.decision[: room - 1] + "…"
    message, _created = dialogue.post_message(
        author=letter.author,
        thread=complaint.thread,
        body=f"{heading}\n\n{decision}\n\n{link}",
        client_id=f"decision-{letter.id}",
    )
    return message


# Genvurdering and klagepakke (retssikkerhedsloven § 66) ----------------------------------------------------


def forward_complaint(*, actor: User, complaint: Complaint, grounds: str, appeals_body: str) -> Reassessment:
    """Record the genvurdering of the upheld decision, build the klagepakke, forward it and close the complaint;
    the citizen is told where her complaint went and when."""
    if not can_do_casework(actor, complaint):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    grounds = _text(
        errors, "grounds", grounds, required=_("Skriv, hvorfor afgørelsen fastholdes efter genvurderingen.")
    )
    appeals_body = _text(
        errors,
        "appeals_body",
        appeals_body,
        required=_("Skriv, hvilken klageinstans klagen sendes til."),
        max_length=200,
    )
    upheld = complaint.decisions.filter(kind=Decision.Kind.UPHELD).first()
    if upheld is None:
        errors["grounds"] = [_("Send først afgørelsen om, at afgørelsen fastholdes.")]
    if not complaint.attachments.filter(kind=ComplaintAttachment.Kind.DECISION).exists():
        errors["original_decision"] = [
            _("Klagepakken skal have den oprindelige afgørelse: tilføj den under sagens dokumenter.")
        ]
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        locked = (
            Complaint.objects.select_for_update(of=("self",))
            .select_related("citizen", "department")
            .get(id=complaint.id)
        )
        if not can_do_casework(actor, locked) or Reassessment.objects.filter(complaint=locked).exists():
            raise ValidationError({"grounds": [_("Klagen er allerede sendt til klageinstansen.")]})
        with translation.override(locked.citizen.language):
            note = _("Sendt til %(body)s den %(date)s.") % {"body": appeals_body, "date": _date(now)}
        # Closing records when it was forwarded; the klagepakke says the same moment.
        closed = complaints.close_complaint(
            actor=actor, complaint=locked, outcome=Complaint.Outcome.UPHELD_AND_FORWARDED, note=note
        )
        reassessment = Reassessment(
            complaint=closed,
            decision=upheld,
            grounds=grounds,
            appeals_body=appeals_body,
            author=actor,
            forwarded_at=closed.forwarded_at,
        )
        pdf = documents.klagepakke_pdf(reassessment)
        reassessment.klagepakke_sha1 = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
        reassessment.klagepakke.save(f"{locked.reference}-klagepakke.pdf", ContentFile(pdf), save=False)
        try:
            reassessment.save()
        except IntegrityError:
            reassessment.klagepakke.storage.delete(reassessment.klagepakke.name)
            raise ValidationError({"grounds": [_("Klagen er allerede sendt til klageinstansen.")]}) from None
        complaints.record_event(complaint=locked, kind=ComplaintEvent.Kind.FORWARDED, actor=actor, note=note)
        record_staff_action(
            actor=actor,
            action="casework.forward_complaint",
            target=reassessment,
            details={"appeals_body": appeals_body},
        )
        _tell(
            user=locked.citizen,
            title=gettext_noop("Din klage %(ref)s er sendt til klageinstansen"),
            url=reverse("complaints:detail", args=[locked.id]),
            template="casework/email/forwarded.txt",
            context={"ref": locked.reference, "reassessment": reassessment, "forwarded": _date(now)},
            key=f"forwarded-{reassessment.id}",
        )
    return reassessment
