"""Every write on hearings: the draft, the invited parties, answers, moderation, the høringsnotat, the agenda.

Each service checks what the actor may do (hearings.permissions), validates with a clear message in the user's
language, and writes in one transaction. An answer locks its hearing's row and checks the deadline under the
lock, so no answer lands after the hearing has closed, and none lands while the notat is being concluded.

The notices to invited parties (the hearing opens; a reminder before the deadline) are sent by a beat job
(`send_due_notices`, also enqueued when a hearing is published): each hearing is claimed under
`select_for_update(skip_locked=True)` and marked, and every notice and e-mail carries a dedupe key, so the job
is safe to run twice or in two workers at once.

hearings/proposals.py, the source the committees app lists, calls `draft_for_agenda`, `note_pdf_for_agenda` and
`record_agenda_state`; on the decision it tells every answerer who agreed to hear (`tell_answerers_decided`).
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Committee, Council, Department, User
from accounts.permissions import is_member_of_council
from accounts.services import record_staff_action
from core import ratelimit
from core.queue import enqueue_on_commit
from core.uploads import check_attachment
from hearings.models import (
    ANSWER_MAX,
    ENDS_BEFORE_STARTS,
    NOTE_MAX,
    SECTION_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    AgendaStatus,
    Answer,
    Hearing,
    HearingFile,
    Invitation,
    Section,
    SectionNote,
)
from hearings.permissions import can_manage_hearing, can_moderate_answers, is_logged_in
from hearings.selectors import answer_counts, answerers_to_tell, invitations_of, people_of_invited_parties
from ideas.models import REASON_MAX, Association
from notifications.services import absolute_url, tell
from themes.models import Theme

REMINDER_DAYS_BEFORE = 3
HEARING_FIELDS = (
    "title",
    "summary",
    "starts_on",
    "ends_on",
    "kle_number",
    "case_number",
    "answers_public_at_once",
)

NOTICE_TITLES = {
    "opened": gettext_lazy("Høring: ”%(title)s” er åben for høringssvar til og med %(deadline)s"),
    "reminder": gettext_lazy("Påmindelse: høringsfristen for ”%(title)s” er %(deadline)s"),
    "decided": gettext_lazy("Udvalget har besluttet i sagen ”%(title)s”, som du har afgivet høringssvar til"),
    "answer_hidden": gettext_lazy("Dit høringssvar til ”%(title)s” er skjult af en moderator"),
}


# Validation


def _clean_text(errors: dict, field: str, value: str, *, max_length: int, min_length: int = 1) -> str:
    value = (value or "").strip()
    if not value:
        errors.setdefault(field, []).append(_("Feltet skal udfyldes."))
    elif len(value) < min_length:
        errors.setdefault(field, []).append(_("Skriv mindst %(min)d tegn.") % {"min": min_length})
    elif len(value) > max_length:
        errors.setdefault(field, []).append(
            _("Teksten må højst være på %(max)d tegn (den er på %(length)d).")
            % {"max": max_length, "length": len(value)}
        )
    return value


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _date(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def closed_message(hearing: Hearing) -> str:
    """Why a hearing takes no answers right now."""
    status = hearing.status
    if status == Hearing.Status.AWAITING_START:
        return _("Høringen åbner for høringssvar den %(date)s.") % {"date": _date(hearing.starts_on)}
    if status in (Hearing.Status.AWAITING_CONCLUSION, Hearing.Status.CONCLUDED):
        return _("Høringsfristen udløb den %(date)s. Der kan ikke længere sendes høringssvar.") % {
            "date": _date(hearing.ends_on)
        }
    return _("Høringen er ikke offentliggjort.")


def _validate_hearing(hearing: Hearing) -> None:
    errors: dict[str, list[str]] = {}
    for field, limit in (("title", TITLE_MAX), ("summary", SUMMARY_MAX)):
        setattr(hearing, field, _clean_text(errors, field, getattr(hearing, field), max_length=limit))
    hearing.kle_number, hearing.case_number = hearing.kle_number.strip(), hearing.case_number.strip()
    try:
        hearing.full_clean(
            exclude=["committee", "department", "created_by", "title", "summary"], validate_constraints=False
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if hearing.starts_on and hearing.ends_on and hearing.ends_on <= hearing.starts_on:
        errors.setdefault("ends_on", []).append(str(ENDS_BEFORE_STARTS))
    _raise_if(errors)


# The hearing and its draft


def create_hearing(
    *,
    actor: User,
    committee: Committee,
    department: Department,
    title: str,
    summary: str,
    starts_on: date,
    ends_on: date,
    kle_number: str = "",
    case_number: str = "",
    answers_public_at_once: bool = False,
    themes: list[Theme] | None = None,
) -> Hearing:
    """A new hearing, as a draft: by a member of the department behind it (or an administrator)."""
    hearing = Hearing(
        committee=committee,
        department=department,
        title=title,
        summary=summary,
        starts_on=starts_on,
        ends_on=ends_on,
        kle_number=kle_number or "",
        case_number=case_number or "",
        answers_public_at_once=answers_public_at_once,
        created_by=actor,
    )
    _require(can_manage_hearing(actor, hearing))
    _validate_hearing(hearing)
    with transaction.atomic():
        hearing.save()
        if themes:
            hearing.themes.set(themes)
        record_staff_action(actor=actor, action="hearings.create_hearing", target=hearing, details={"title": title})
    return hearing


def _lock(hearing: Hearing) -> Hearing:
    return Hearing.objects.select_for_update().get(id=hearing.id)


def update_hearing(*, actor: User, hearing: Hearing, themes: list[Theme] | None = None, **changes) -> Hearing:
    """Change the hearing's text, dates or settings until it is concluded.

    Once answers may come in, the start stays put, and the deadline may move but not into the past.
    """
    _require(can_manage_hearing(actor, hearing))
    unknown = set(changes) - set(HEARING_FIELDS)
    if unknown:
        raise ValidationError({field: [_("Feltet kan ikke ændres.")] for field in sorted(unknown)})
    with transaction.atomic():
        locked = _lock(hearing)
        if locked.is_concluded:
            raise ValidationError({"title": [_("Høringen er afsluttet og kan ikke længere ændres.")]})
        started = locked.published_at is not None and locked.starts_on <= timezone.localdate()
        errors: dict[str, list[str]] = {}
        if started and changes.get("starts_on", locked.starts_on) != locked.starts_on:
            errors["starts_on"] = [_("Høringen er startet; startdatoen kan ikke flyttes.")]
        if started and changes.get("ends_on", locked.ends_on) < timezone.localdate():
            errors["ends_on"] = [_("Høringsfristen kan ikke flyttes til en dag, der er gået.")]
        _raise_if(errors)
        for field, value in changes.items():
            setattr(locked, field, value if value is not None else "")
        _validate_hearing(locked)
        locked.save()
        if themes is not None:
            locked.themes.set(themes)
        changed = sorted(changes) + (["themes"] if themes is not None else [])
        record_staff_action(actor=actor, action="hearings.update_hearing", target=locked, details={"changed": changed})
    return locked


def _draft_is_editable(hearing: Hearing) -> None:
    """The draft may change until the hearing opens: every answer must be about the same text."""
    if hearing.status not in (Hearing.Status.DRAFT, Hearing.Status.AWAITING_START):
        raise ValidationError({"body": [_("Høringen er startet; udkastet kan ikke længere ændres.")]})


def _clean_section(title: str, body: str) -> tuple[str, str]:
    errors: dict[str, list[str]] = {}
    title = _clean_text(errors, "title", title, max_length=TITLE_MAX)
    body = _clean_text(errors, "body", body, max_length=SECTION_MAX)
    _raise_if(errors)
    return title, body


def add_section(*, actor: User, hearing: Hearing, title: str, body: str) -> Section:
    """A new numbered section last in the draft."""
    _require(can_manage_hearing(actor, hearing))
    title, body = _clean_section(title, body)
    with transaction.atomic():
        locked = _lock(hearing)
        _draft_is_editable(locked)
        number = (locked.sections.aggregate(last=Max("number"))["last"] or 0) + 1
        section = Section.objects.create(hearing=locked, number=number, title=title, body=body)
        record_staff_action(
            actor=actor, action="hearings.add_section", target=locked, details={"section": number, "title": title}
        )
        return section


def update_section(*, actor: User, section: Section, title: str, body: str) -> Section:
    _require(can_manage_hearing(actor, section.hearing))
    title, body = _clean_section(title, body)
    with transaction.atomic():
        _draft_is_editable(_lock(section.hearing))
        Section.objects.filter(id=section.id).update(title=title, body=body)
        record_staff_action(
            actor=actor,
            action="hearings.update_section",
            target=section.hearing,
            details={"section": section.number, "title": title},
        )
    section.title, section.body = title, body
    return section


def remove_section(*, actor: User, section: Section) -> None:
    """Take a section out of the draft; the ones after it move up a number."""
    _require(can_manage_hearing(actor, section.hearing))
    with transaction.atomic():
        locked = _lock(section.hearing)
        _draft_is_editable(locked)
        record_staff_action(
            actor=actor,
            action="hearings.remove_section",
            target=locked,
            details={"section": section.number, "title": section.title},
        )
        section.delete()
        for number, remaining in enumerate(locked.sections.order_by("number"), start=1):
            if remaining.number != number:
                Section.objects.filter(id=remaining.id).update(number=number)


def add_file(*, actor: User, hearing: Hearing, title: str, upload: UploadedFile) -> HearingFile:
    """An uploaded part of the draft, checked like an agenda Bilag (core.uploads)."""
    _require(can_manage_hearing(actor, hearing))
    checked = check_attachment(title=title, upload=upload)
    with transaction.atomic():
        locked = _lock(hearing)
        try:
            _draft_is_editable(locked)
        except ValidationError:
            raise ValidationError({"file": [_("Høringen er startet; udkastet kan ikke længere ændres.")]}) from None
        stored = HearingFile(
            hearing=locked,
            title=checked.title,
            file_name=checked.file_name,
            mime_type=checked.mime_type,
            size=checked.size,
            sha1=checked.sha1,
        )
        stored.file.save(checked.file_name, upload, save=False)
        name = stored.file.name
        try:
            stored.save()
        except Exception:
            stored.file.storage.delete(name)
            raise
        record_staff_action(
            actor=actor,
            action="hearings.add_file",
            target=locked,
            details={"file_id": stored.id, "title": stored.title},
        )
    return stored


def remove_file(*, actor: User, stored: HearingFile) -> None:
    _require(can_manage_hearing(actor, stored.hearing))
    with transaction.atomic():
        _draft_is_editable(_lock(stored.hearing))
        name = stored.file.name
        record_staff_action(
            actor=actor,
            action="hearings.remove_file",
            target=stored.hearing,
            details={"file_id": stored.id, "title": stored.title},
        )
        stored.delete()
        transaction.on_commit(lambda: stored.file.storage.delete(name))


def publish_hearing(*, actor: User, hearing: Hearing) -> Hearing:
    """draft → awaiting start (or open, from its start date). The invited parties are told when it opens."""
    _require(can_manage_hearing(actor, hearing))
    with transaction.atomic():
        locked = _lock(hearing)
        if locked.published_at is not None:
            raise ValidationError({"status": [_("Høringen er allerede offentliggjort.")]})
        if not locked.sections.exists() and not locked.files.exists():
            raise ValidationError(
                {"status": [_("Høringen har intet udkast endnu: skriv et afsnit, eller vedhæft en fil.")]}
            )
        if locked.ends_on < timezone.localdate():
            raise ValidationError({"ends_on": [_("Høringsfristen er allerede udløbet. Flyt den først.")]})
        locked.published_at = timezone.now()
        locked.save(update_fields=["published_at", "updated_at"])
        record_staff_action(actor=actor, action="hearings.publish_hearing", target=locked)
        enqueue_on_commit("hearings.tasks.send_due_notices")
    return locked


# Invited parties


def invite(
    *, actor: User, hearing: Hearing, council: Council | None = None, association: Association | None = None
) -> Invitation:
    """Invite a council or an association. Invited after the hearing opened, they are told at the next run."""
    _require(can_manage_hearing(actor, hearing))
    if (council is None) == (association is None):
        raise ValidationError({"party": [_("Vælg et råd eller en forening.")]})
    with transaction.atomic():
        locked = _lock(hearing)
        if locked.status in (Hearing.Status.AWAITING_CONCLUSION, Hearing.Status.CONCLUDED):
            raise ValidationError({"party": [_("Høringsfristen er udløbet; der kan ikke inviteres flere.")]})
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(hearing=locked, council=council, association=association)
        except IntegrityError:
            raise ValidationError(
                {"party": [_("%(party)s er allerede inviteret.") % {"party": council or association}]}
            ) from None
        party = {"council": council.id} if council else {"association": association.id}
        record_staff_action(actor=actor, action="hearings.invite", target=locked, details=party)
        if locked.opening_told_at is not None:
            # The opening notice went out before this party was invited: the next run tells it.
            Hearing.objects.filter(id=locked.id).update(opening_told_at=None)
            enqueue_on_commit("hearings.tasks.send_due_notices")
    return invitation


def uninvite(*, actor: User, invitation: Invitation) -> None:
    _require(can_manage_hearing(actor, invitation.hearing))
    with transaction.atomic():
        locked = _lock(invitation.hearing)
        if locked.status != Hearing.Status.DRAFT:
            raise ValidationError({"party": [_("Høringen er offentliggjort; en inviteret part kan ikke fjernes.")]})
        party = {"council": invitation.council_id, "association": invitation.association_id}
        record_staff_action(
            actor=actor,
            action="hearings.uninvite",
            target=locked,
            details={key: value for key, value in party.items() if value},
        )
        invitation.delete()


# Notices to invited parties (beat)


def _tell(user: User, *, event: str, hearing: Hearing, dedupe: str, url: str, body: str = "", **context) -> bool:
    """A notice and an e-mail, each once ever (dedupe keys). True when this call told her."""
    return bool(
        tell(
            user=user,
            title=lambda: str(NOTICE_TITLES[event]) % {"title": hearing.title, "deadline": _date(hearing.ends_on)},
            body=body,
            url=url,
            template=f"hearings/email/{event}.txt",
            context={"hearing": hearing, "link": absolute_url(url) if url.startswith("/") else url, **context},
            key=dedupe,
        )
    )


def _tell_invited(hearing: Hearing, *, event: str) -> int:
    url = hearing.get_absolute_url()
    return sum(
        _tell(user, event=event, hearing=hearing, dedupe=f"hearing-{event}-{hearing.id}-{user.id}", url=url)
        for user in people_of_invited_parties(hearing=hearing)
    )


def send_due_notices(*, today: date | None = None) -> int:
    """Tell the invited parties of every hearing that has opened, and remind them before the deadline.

    Safe to run twice, and in two workers at once: each hearing is claimed under a skip-locked row lock and
    marked; each person's notice and e-mail has a dedupe key. Returns how many people were told.
    """
    today = today or timezone.localdate()
    told = 0
    due = {
        "opened": Hearing.objects.filter(
            published_at__isnull=False,
            concluded_at__isnull=True,
            opening_told_at__isnull=True,
            starts_on__lte=today,
            ends_on__gte=today,
        ),
        "reminder": Hearing.objects.filter(
            published_at__isnull=False,
            concluded_at__isnull=True,
            reminder_told_at__isnull=True,
            starts_on__lte=today,
            ends_on__gte=today,
            ends_on__lte=today + timedelta(days=REMINDER_DAYS_BEFORE),
        ),
    }
    marker = {"opened": "opening_told_at", "reminder": "reminder_told_at"}
    for event, hearings in due.items():
        for hearing_id in list(hearings.values_list("id", flat=True)[:100]):
            with transaction.atomic():
                hearing = hearings.select_for_update(skip_locked=True).filter(id=hearing_id).first()
                if hearing is None:
                    continue
                told += _tell_invited(hearing, event=event)
                Hearing.objects.filter(id=hearing.id).update(**{marker[event]: timezone.now()})
    return told


# Answers


def _check_party(errors: dict, author: User, council: Council | None, association: Association | None) -> None:
    if council is not None and association is not None:
        errors["party"] = [_("Et høringssvar kan kun være på vegne af ét råd eller én forening.")]
    elif council is not None and not is_member_of_council(author, council.id):
        errors["council"] = [
            _("Du kan kun svare på vegne af et råd, du er medlem af. Du er ikke medlem af %(council)s.")
            % {"council": council.name}
        ]
    elif association is not None and not association.memberships.filter(user=author).exists():
        errors["association"] = [_("Du kan kun svare på vegne af en forening, du er medlem af.")]


def answer_hearing(
    *,
    author: User,
    hearing: Hearing,
    body: str,
    section: Section | None = None,
    council: Council | None = None,
    association: Association | None = None,
    upload: UploadedFile | None = None,
    file_title: str = "",
    contains_sensitive: bool = False,
    notify_about_decision: bool = False,
) -> Answer:
    """A høringssvar, in the author's own name or on behalf of a council or association she belongs to."""
    if not is_logged_in(author):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    body = _clean_text(errors, "body", body, max_length=ANSWER_MAX, min_length=10)
    _check_party(errors, author, council, association)
    if section is not None and section.hearing_id != hearing.id:
        errors["section"] = [_("Afsnittet hører ikke til denne høring.")]
    checked = None
    if upload is not None:
        try:
            checked = check_attachment(title=file_title or upload.name, upload=upload)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault("file" if field == "file" else "file_title", []).extend(messages)
    _raise_if(errors)
    ratelimit.check(bucket="hearings.answer", user_id=author.id)
    with transaction.atomic():
        locked = _lock(hearing)
        if not locked.is_open:
            raise ValidationError({"hearing": [closed_message(locked)]})
        answer = Answer(
            hearing=locked,
            author=author,
            council=council,
            association=association,
            section=section,
            body=body,
            contains_sensitive=contains_sensitive,
            notify_about_decision=notify_about_decision,
        )
        if checked is not None:
            answer.file_title, answer.file_name = checked.title, checked.file_name
            answer.mime_type, answer.size, answer.sha1 = checked.mime_type, checked.size, checked.sha1
            answer.file.save(checked.file_name, upload, save=False)
        try:
            answer.save()
        except Exception:
            if answer.file:
                answer.file.storage.delete(answer.file.name)
            raise
    return answer


def hide_answer(*, actor: User, answer: Answer, reason: str) -> Answer:
    """A moderator hides an answer: the text is kept and counted, the public sees the reason; the author is told."""
    _require(can_moderate_answers(actor))
    errors: dict[str, list[str]] = {}
    reason = _clean_text(errors, "reason", reason, max_length=REASON_MAX, min_length=5)
    _raise_if(errors)
    with transaction.atomic():
        locked = Answer.objects.select_for_update(of=("self",)).select_related("hearing", "author").get(id=answer.id)
        if locked.is_hidden:
            raise ValidationError({"answer": [_("Høringssvaret er allerede skjult.")]})
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), actor, reason
        locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
        record_staff_action(actor=actor, action="hearings.hide_answer", target=locked, details={"reason": reason})
        _tell(
            locked.author,
            event="answer_hidden",
            hearing=locked.hearing,
            dedupe=f"hearing-answer-hidden-{locked.id}-{locked.hidden_at.timestamp():.0f}",
            url=locked.hearing.get_absolute_url(),
            body=reason,
            reason=reason,
        )
    return locked


def unhide_answer(*, actor: User, answer: Answer) -> Answer:
    _require(can_moderate_answers(actor))
    with transaction.atomic():
        locked = Answer.objects.select_for_update().get(id=answer.id)
        if not locked.is_hidden:
            raise ValidationError({"answer": [_("Høringssvaret er ikke skjult.")]})
        reason = locked.hidden_reason
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
        locked.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
        record_staff_action(actor=actor, action="hearings.unhide_answer", target=locked, details={"hidden_for": reason})
    return locked


# The høringsnotat


def _notat_is_writable(hearing: Hearing) -> None:
    if hearing.status != Hearing.Status.AWAITING_CONCLUSION:
        if hearing.is_concluded:
            raise ValidationError({"summary": [_("Høringsnotatet er offentliggjort og kan ikke længere ændres.")]})
        raise ValidationError({"summary": [_("Høringsnotatet skrives, når høringsfristen er udløbet.")]})


def write_section_note(
    *, actor: User, section: Section, summary: str, comment: str, changes_draft: bool
) -> SectionNote:
    """The notat on one section: the answers summed up, the department's comment, whether the draft changes."""
    _require(can_manage_hearing(actor, section.hearing))
    errors: dict[str, list[str]] = {}
    summary = _clean_text(errors, "summary", summary, max_length=NOTE_MAX)
    comment = _clean_text(errors, "comment", comment, max_length=NOTE_MAX)
    _raise_if(errors)
    with transaction.atomic():
        _notat_is_writable(_lock(section.hearing))
        note, _created = SectionNote.objects.update_or_create(
            section=section, defaults={"summary": summary, "comment": comment, "changes_draft": changes_draft}
        )
        record_staff_action(
            actor=actor,
            action="hearings.write_section_note",
            target=section.hearing,
            details={"section": section.number, "changes_draft": changes_draft},
        )
    return note


def write_note_summary(*, actor: User, hearing: Hearing, note_summary: str) -> Hearing:
    _require(can_manage_hearing(actor, hearing))
    errors: dict[str, list[str]] = {}
    note_summary = _clean_text(errors, "note_summary", note_summary, max_length=NOTE_MAX)
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock(hearing)
        _notat_is_writable(locked)
        locked.note_summary = note_summary
        locked.save(update_fields=["note_summary", "updated_at"])
        record_staff_action(actor=actor, action="hearings.write_note_summary", target=locked)
    return locked


def publish_note(*, actor: User, hearing: Hearing) -> Hearing:
    """awaiting conclusion → concluded: the høringsnotat is public with the answers, and goes to the committee."""
    _require(can_manage_hearing(actor, hearing))
    with transaction.atomic():
        locked = _lock(hearing)
        _notat_is_writable(locked)
        errors: dict[str, list[str]] = {}
        if not locked.note_summary:
            errors["note_summary"] = [_("Skriv høringsnotatets generelle bemærkninger.")]
        missing = [str(section) for section in locked.sections.filter(note__isnull=True).order_by("number")]
        if missing:
            errors["sections"] = [
                _("Disse afsnit mangler høringsnotat: %(sections)s") % {"sections": ", ".join(missing)}
            ]
        _raise_if(errors)
        locked.concluded_at = timezone.now()
        locked.save(update_fields=["concluded_at", "updated_at"])
        record_staff_action(actor=actor, action="hearings.publish_note", target=locked)
    return locked


# The agenda (called by hearings/proposals.py in the committee's transaction)


def draft_for_agenda(*, hearing_id: int) -> str:
    """The agenda item's Beskrivelse af sagen: what was heard, who answered, and where the høringsnotat is."""
    hearing = Hearing.objects.select_related("department").get(id=hearing_id)
    counts = answer_counts(hearing=hearing)
    parties = ", ".join(str(invitation.party) for invitation in invitations_of(hearing=hearing)) or _("ingen")
    changed = [str(section) for section in hearing.sections.filter(note__changes_draft=True).order_by("number")]
    text = _(
        "%(department)s har haft forslaget »%(title)s« i høring fra %(start)s til %(end)s.\n\n"
        "%(summary)s\n\n"
        "Inviterede høringsparter: %(parties)s. Der er kommet %(total)d høringssvar, heraf %(sensitive)d med "
        "følsomme personoplysninger, som ikke offentliggøres.\n\n"
        "Høringssvarene og afdelingens bemærkninger er samlet i høringsnotatet, som er vedlagt som bilag og kan "
        "læses på %(url)s"
    ) % {
        "department": hearing.department.name,
        "title": hearing.title,
        "start": _date(hearing.starts_on),
        "end": _date(hearing.ends_on),
        "summary": hearing.summary.strip(),
        "parties": parties,
        "total": counts.total,
        "sensitive": counts.sensitive,
        "url": absolute_url(hearing.get_absolute_url() + "notat/"),
    }
    if changed:
        text += "\n\n" + _("Høringen fører til ændringer i disse afsnit: %(sections)s.") % {
            "sections": ", ".join(changed)
        }
    return text


def record_agenda_state(*, hearing_ids: list[int], status: str, url: str = "", decision: str = "") -> None:
    """Where the hearing's item is on the committee's agenda (its own record, from the source's events)."""
    changes: dict = {"agenda_status": status, "updated_at": timezone.now()}
    if url or not status:
        changes["agenda_url"] = url
    if status == AgendaStatus.DECIDED:
        changes.update(decision=decision, decided_at=timezone.now())
    Hearing.objects.filter(id__in=hearing_ids).update(**changes)


def tell_answerers_decided(*, hearing_ids: list[int], decision: str, url: str) -> int:
    """Everyone who answered and agreed to hear is told what the committee decided; once each (dedupe keys)."""
    hearings = {hearing.id: hearing for hearing in Hearing.objects.filter(id__in=hearing_ids)}
    told = 0
    for hearing_id, hearing in hearings.items():
        for user in answerers_to_tell(hearing_ids=[hearing_id]):
            told += _tell(
                user,
                event="decided",
                hearing=hearing,
                dedupe=f"hearing-decided-{hearing_id}-{user.id}",
                url=url,
                body=decision,
                decision=decision,
            )
    return told
