"""Every write in the complaint flow.

Doors (pages, API, tasks) call these; each checks what the actor may do,
validates, and writes in one transaction. Anything slow or external happens
after commit, so the complaint is stored before anything else can fail.
"""

import hashlib
import secrets
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, router, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts import services as accounts_services
from accounts.models import Department, User
from accounts.permissions import may_manage_stand_in, require_assurance
from accounts.selectors import department_leads, is_department_member
from accounts.services import log_personal_data_access, record_staff_action
from classification.models import KleNumber
from classification.selectors import complaint_facet, complaint_facet_id, default_subject_id_of_department, kle_subjects
from complaints.deadlines import add_working_days
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintDraft,
    ComplaintDraftFile,
    ComplaintEvent,
    ComplaintThemeSuggestion,
    ContactLog,
    ContactTask,
    Representation,
    Survey,
)
from complaints.permissions import (
    can_add_to_complaint,
    can_answer_representation,
    can_attach_to_complaint,
    can_end_representation,
    can_handle_complaint,
    can_reassign_task,
    can_record_paper_representation,
    can_withdraw_complaint,
    can_work_on_task,
    is_representation_department_staff,
)
from complaints.selectors import (
    complaints_in_scope,
    least_busy_caseworker,
    live_representations_covering,
    own_complaints,
)
from core import ratelimit
from core.queue import enqueue_on_commit
from core.uploads import CheckedUpload, check_attachment
from dialogue import services as dialogue
from dialogue.models import BODY_MAX_LENGTH, Message, Participant
from documents.pdf import render_pdf
from notifications.services import absolute_url, notify, push_on_commit, queue_email, tell
from themes.models import Theme
from themes.services import store_theme_suggestions


def _record(complaint: Complaint, kind: str, *, actor: User | None = None, note: str = "") -> ComplaintEvent:
    return ComplaintEvent.objects.create(complaint=complaint, kind=kind, actor=actor, note=note)


def record_event(*, complaint: Complaint, kind: str, actor: User | None = None, note: str = "") -> None:
    """A step on the complaint's timeline that an app above complaints took (casework's legal track)."""
    if kind not in ComplaintEvent.Kind.values:
        raise ValueError(kind)
    _record(complaint, kind, actor=actor, note=note[:1000])


def file_complaint(
    *,
    citizen: User,
    kind: str,
    department: Department,
    subject: str,
    description: str,
    contact_channel: str,
    case_number: str = "",
    decision_date: date | None = None,
    desired_outcome: str = "",
    phone: str = "",
    contact_time: str = "",
    notify_about_decisions: bool = False,
    decision_file: UploadedFile | None = None,
    documents: Sequence[UploadedFile] = (),
    filed_by: User | None = None,
) -> Complaint:
    """Store a citizen's complaint; routing to a caseworker and suggesting themes follow after commit.

    `decision_file` is the decision she complains about, `documents` anything else she attaches; each is
    checked before anything is stored. `filed_by` is the citizen service employee who files it for a
    stand-in account (see file_complaint_for_citizen).
    """
    if filed_by is None:
        require_assurance(user=citizen, action="file_complaint")
    elif not may_manage_stand_in(filed_by, getattr(citizen, "stand_in", None)):
        raise PermissionDenied
    uploads = _checked_intake_uploads(decision_file=decision_file, documents=documents)
    if not department.accepts_complaints:
        raise ValidationError({"department": _("Afdelingen modtager ikke klager her.")})
    if filed_by is None:  # the citizen service files for many people at its desk
        ratelimit.check(bucket="complaints.file", user_id=citizen.id)
    complaint = Complaint(
        citizen=citizen,
        kind=kind,
        department=department,
        subject=subject.strip(),
        description=description.strip(),
        contact_channel=contact_channel,
        case_number=case_number.strip(),
        decision_date=decision_date,
        desired_outcome=desired_outcome.strip(),
        phone=phone.strip(),
        contact_time=contact_time.strip(),
        notify_about_decisions=notify_about_decisions,
        filed_by=filed_by,
        filed_by_department_id=citizen.stand_in.department_id if filed_by else None,
    )
    # Complaint.clean() holds the rules the database constraints hold, so they are not queried again here.
    complaint.full_clean(exclude=["citizen", "department"], validate_constraints=False)
    received = timezone.now()
    if complaint.kind == Complaint.Kind.DECISION:
        complaint.genvurdering_due = received + timedelta(weeks=settings.COMPLAINT_DEADLINE_WEEKS)
    # Only the complaint's own rows are written before the answer; e-mail, routing and themes follow after commit.
    with transaction.atomic():
        # Its number first, so the thread is made with the complaint's link and reference and the complaint's row is
        # written once, with its thread: the sequence's nextval costs a fifth of the CPU of the ORM's UPDATE after.
        complaint.id = _next_complaint_id()
        complaint.thread = dialogue.create_thread(
            title=complaint.subject,
            department=department,
            subject_url=reverse("complaints:detail", args=[complaint.id]),
            subject_label=complaint.reference,
            participants=[(citizen, Participant.Role.CITIZEN)],
        )
        complaint.save(force_insert=True)
        _record(complaint, ComplaintEvent.Kind.RECEIVED, actor=filed_by or citizen)
        for kind, checked in uploads:
            _store_attachment(complaint=complaint, actor=filed_by or citizen, kind=kind, checked=checked)
        # Someone acting for her in all her complaints acts in this one too.
        for representative_id in set(
            Representation.objects.filter(
                principal=citizen, complaint__isnull=True, status=Representation.Status.ACTIVE
            ).values_list("representative_id", flat=True)
        ):
            _sync_representative(complaint, representative_id)
        # One message per complaint: routing, whose run queues the receipt and the theme suggestion (route_complaint).
        enqueue_on_commit("complaints.tasks.route_complaint", complaint.id)
    return complaint


def _next_complaint_id() -> int:
    with connections[router.db_for_write(Complaint)].cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [Complaint._meta.db_table])
        return cursor.fetchone()[0]


MAX_ATTACHMENTS = 20


def _checked_intake_uploads(
    *, decision_file: UploadedFile | None, documents: Sequence[UploadedFile]
) -> list[tuple[str, CheckedUpload]]:
    """The intake's files, checked; a bad file's error names the field it came in."""
    if len(documents) + (decision_file is not None) > MAX_ATTACHMENTS:
        raise ValidationError({"documents": [_("Højst %(max)d dokumenter pr. klage.") % {"max": MAX_ATTACHMENTS}]})
    checked = []
    named = [("decision_file", ComplaintAttachment.Kind.DECISION, decision_file)] if decision_file else []
    named += [("documents", ComplaintAttachment.Kind.DOCUMENT, upload) for upload in documents]
    for field, kind, upload in named:
        title = _("Afgørelsen, der klages over") if kind == ComplaintAttachment.Kind.DECISION else _file_stem(upload)
        try:
            checked.append((kind, check_attachment(title=title, upload=upload)))
        except ValidationError as error:
            raise ValidationError({field: error.message_dict.get("file", error.messages)}) from error
    return checked


def _file_stem(upload: UploadedFile) -> str:
    name = (upload.name or "").rsplit("/", 1)[-1]
    return (name.rsplit(".", 1)[0] if "." in name else name)[:200] or _("Dokument")


def _store_attachment(*, complaint: Complaint, actor: User, kind: str, checked: CheckedUpload) -> ComplaintAttachment:
    """Save the file and its row; the file goes again if the row cannot be stored."""
    attachment = ComplaintAttachment(
        complaint=complaint,
        kind=kind,
        added_by=actor,
        added_by_staff=actor.id != complaint.citizen_id,
        title=checked.title,
        file_name=checked.file_name,
        mime_type=checked.mime_type,
        size=checked.size,
        sha1=checked.sha1,
    )
    attachment.file.save(checked.file_name, checked.upload, save=False)
    name = attachment.file.name
    try:
        attachment.save()
    except Exception:
        attachment.file.storage.delete(name)
        raise
    return attachment


def add_complaint_attachment(
    *, actor: User, complaint: Complaint, title: str, upload: UploadedFile | None, kind: str = "document"
) -> ComplaintAttachment:
    """The citizen (while her complaint is open) or the department's staff add a document to the case."""
    if not can_attach_to_complaint(actor, complaint):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if kind not in ComplaintAttachment.Kind.values:
        errors["kind"] = [_("Vælg, hvad dokumentet er.")]
    try:
        checked = check_attachment(title=title, upload=upload)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Complaint.objects.select_for_update().get(id=complaint.id)
        if not can_attach_to_complaint(actor, locked):
            raise PermissionDenied
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise ValidationError({"file": [_("Højst %(max)d dokumenter pr. klage.") % {"max": MAX_ATTACHMENTS}]})
        return _store_attachment(complaint=locked, actor=actor, kind=kind, checked=checked)


# --- The intake in steps (pages): her draft on the server, sent once ------------------------------------------

DRAFT_ANSWER_MAX_CHARS = 20000  # more than any of the complaint's fields holds: a limit on what a draft keeps


def _open_draft(citizen: User, *, create: bool) -> ComplaintDraft | None:
    """Her open draft, locked; the first is created under a lock on her row, so two first steps make one."""
    draft = ComplaintDraft.objects.select_for_update().filter(citizen=citizen, complaint__isnull=True).first()
    if draft is None and create:
        _lock_principal(citizen)
        draft = ComplaintDraft.objects.select_for_update().filter(citizen=citizen, complaint__isnull=True).first()
        draft = draft or ComplaintDraft.objects.create(citizen=citizen)
    return draft


def save_complaint_draft(*, citizen: User, answers: dict[str, str]) -> ComplaintDraft:
    """Keep what she answered on one step (the step form's own input) in her open draft."""
    require_assurance(user=citizen, action="file_complaint")
    if any(not isinstance(value, str) or len(value) > DRAFT_ANSWER_MAX_CHARS for value in answers.values()):
        raise ValidationError(_("Et af svarene er for langt."))
    with transaction.atomic():
        draft = _open_draft(citizen, create=True)
        draft.answers = {**draft.answers, **answers}
        draft.save(update_fields=["answers", "updated_at"])
    return draft


def _delete_files_on_commit(names: list[str]) -> None:
    storage = ComplaintDraftFile._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def add_complaint_draft_files(
    *, citizen: User, decision_file: UploadedFile | None = None, documents: Sequence[UploadedFile] = ()
) -> list[ComplaintDraftFile]:
    """Files for her draft, checked now as at any intake; a new decision file takes the old one's place."""
    require_assurance(user=citizen, action="file_complaint")
    uploads = _checked_intake_uploads(decision_file=decision_file, documents=documents)
    if not uploads:
        return []
    with transaction.atomic():
        draft = _open_draft(citizen, create=True)
        replaced = list(draft.files.filter(kind=ComplaintAttachment.Kind.DECISION)) if decision_file else []
        if draft.files.count() - len(replaced) + len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError({"documents": [_("Højst %(max)d dokumenter pr. klage.") % {"max": MAX_ATTACHMENTS}]})
        ComplaintDraftFile.objects.filter(id__in=[file.id for file in replaced]).delete()
        _delete_files_on_commit([file.file.name for file in replaced])
        stored = []
        for kind, checked in uploads:
            draft_file = ComplaintDraftFile(draft=draft, kind=kind, file_name=checked.file_name, size=checked.size)
            draft_file.file.save(checked.file_name, checked.upload, save=False)
            try:
                draft_file.save()
            except Exception:
                draft_file.file.storage.delete(draft_file.file.name)
                raise
            stored.append(draft_file)
        draft.save(update_fields=["updated_at"])
    return stored


def remove_complaint_draft_file(*, citizen: User, file_id: int) -> None:
    """Take a file off her open draft; someone else's file, or one already gone, changes nothing."""
    with transaction.atomic():
        draft = _open_draft(citizen, create=False)
        draft_file = draft.files.filter(id=file_id).first() if draft else None
        if draft_file is not None:
            draft_file.delete()
            _delete_files_on_commit([draft_file.file.name])


def send_complaint_draft(*, citizen: User, draft_id: int, **complaint_fields) -> Complaint:
    """File her draft as her complaint (file_complaint checks it all), with the draft's files; once.

    `complaint_fields` are file_complaint's arguments, parsed from the draft's answers by the door. A draft that
    was sent already answers with its complaint: a second click on "Send" or a repeated POST files nothing.
    """
    with transaction.atomic():
        draft = ComplaintDraft.objects.select_for_update().filter(id=draft_id, citizen=citizen).first()
        if draft is None:
            raise ValidationError(_("Kladden findes ikke længere. Start forfra på en ny klage."))
        if draft.complaint_id is not None:
            return draft.complaint
        files = list(draft.files.all())
        opened = {f.id: File(f.file.open("rb"), name=f.file_name) for f in files}
        try:
            decision = [opened[f.id] for f in files if f.kind == ComplaintAttachment.Kind.DECISION]
            complaint = file_complaint(
                citizen=citizen,
                **complaint_fields,
                decision_file=decision[0] if decision else None,
                documents=[opened[f.id] for f in files if f.kind != ComplaintAttachment.Kind.DECISION],
            )
        finally:
            for upload in opened.values():
                upload.close()
        draft.complaint = complaint
        draft.answers = {}
        draft.save(update_fields=["complaint", "answers", "updated_at"])
        draft.files.all().delete()
        _delete_files_on_commit([f.file.name for f in files])
    return complaint


def acknowledge_complaint(*, complaint_id: int) -> None:
    """E-mail the citizen the receipt of her complaint. Safe to run twice: the run that marks the complaint
    acknowledged stores the e-mail, in the same transaction (and the e-mail has a dedupe key besides)."""
    with transaction.atomic():
        if not Complaint.objects.filter(id=complaint_id, acknowledged_at__isnull=True).update(
            acknowledged_at=timezone.now()
        ):
            return
        complaint = Complaint.objects.select_related("citizen", "department").get(id=complaint_id)
        queue_email(
            recipient=complaint.citizen,
            template="complaints/email/acknowledgement.txt",
            context={"complaint": complaint, "url": reverse("complaints:detail", args=[complaint.id])},
            dedupe_key=f"complaint-ack-{complaint.id}",
        )


# --- Assisted intake: citizen service files for a citizen who is not online --------------------------------


def file_complaint_for_citizen(
    *,
    actor: User,
    full_name: str,
    identified_by: str,
    consent: bool,
    receipt_by_letter: bool,
    receipt_by_email: bool,
    kind: str,
    department: Department,
    subject: str,
    description: str,
    contact_channel: str,
    postal_address: str = "",
    email: str = "",
    phone: str = "",
    cpr: str = "",
    case_number: str = "",
    decision_date: date | None = None,
    desired_outcome: str = "",
    contact_time: str = "",
    notify_about_decisions: bool = False,
    decision_file: UploadedFile | None = None,
    documents: Sequence[UploadedFile] = (),
) -> tuple[Complaint, str]:
    """Citizen service (Borgerservice) files a complaint for a citizen at the counter or on the phone.

    Her stand-in account owns it until she claims it (accounts.services); the complaint then takes the same
    way as any other (file_complaint: routing, early contact, themes). Returns the complaint and the one-time
    claim code for her receipt, which is kept only as a hash: print it now or issue a new one."""
    if not receipt_by_letter and not receipt_by_email:
        raise ValidationError({"receipt_by_letter": _("Vælg, hvordan borgeren får sin kvittering: brev eller e-mail.")})
    if receipt_by_letter and not postal_address.strip():
        raise ValidationError(
            {"postal_address": _("Skriv borgerens postadresse, så kvitteringen kan sendes som brev.")}
        )
    if receipt_by_email and not email.strip():
        raise ValidationError({"email": _("Skriv borgerens e-mail, så kvitteringen kan sendes på e-mail.")})
    with transaction.atomic():
        stand_in = accounts_services.create_stand_in(
            actor=actor,
            full_name=full_name,
            identified_by=identified_by,
            consent=consent,
            postal_address=postal_address,
            email=email,
            phone=phone,
            cpr=cpr,
        )
        complaint = file_complaint(
            citizen=stand_in.user,
            filed_by=actor,
            kind=kind,
            department=department,
            subject=subject,
            description=description,
            contact_channel=contact_channel,
            case_number=case_number,
            decision_date=decision_date,
            desired_outcome=desired_outcome,
            phone=phone,
            contact_time=contact_time,
            notify_about_decisions=notify_about_decisions,
            decision_file=decision_file,
            documents=documents,
        )
        code = accounts_services.issue_claim_code(actor=actor, stand_in=stand_in)
        record_staff_action(
            actor=actor, action="complaints.file_complaint_for_citizen", target=complaint, details={"kind": kind}
        )
        if receipt_by_email:
            _email_assisted_receipt(complaint, code)
    return complaint, code


def _receipt_context(complaint: Complaint, code: str) -> dict:
    return {
        "complaint": complaint,
        "stand_in": complaint.citizen.stand_in,
        "code": code,
        "claim_url": absolute_url(reverse("claim")),
        "url": reverse("complaints:detail", args=[complaint.id]),
    }


def _email_assisted_receipt(complaint: Complaint, code: str) -> None:
    # The acknowledgement's own key: the receipt with the code is her acknowledgement, never two e-mails.
    queue_email(
        recipient=complaint.citizen,
        template="complaints/email/assisted_receipt.txt",
        context=_receipt_context(complaint, code),
        dedupe_key=f"complaint-ack-{complaint.id}",
    )


def renew_claim_code(*, actor: User, complaint: Complaint) -> str:
    """A new claim code for a complaint filed for a citizen who has not claimed it (the old code stops working)."""
    stand_in = getattr(complaint.citizen, "stand_in", None)
    if stand_in is None or complaint.filed_by_id is None:
        raise PermissionDenied
    return accounts_services.issue_claim_code(actor=actor, stand_in=stand_in)


def assisted_receipt_pdf(*, actor: User, complaint: Complaint, code: str) -> bytes:
    """The citizen's receipt as a letter ready for the post (her name and address in the window), with the
    claim code: a tagged PDF in her language."""
    stand_in = getattr(complaint.citizen, "stand_in", None)
    if complaint.filed_by_id is None or not may_manage_stand_in(actor, stand_in):
        raise PermissionDenied
    language = complaint.citizen.language
    with translation.override(language):
        context = receipt_letter_context(complaint=complaint, stand_in=stand_in, code=code)
    return render_pdf(
        template="complaints/receipt_letter.typ", context=context, language=language, title=context["heading"]
    )


def receipt_letter_context(*, complaint: Complaint, stand_in, code: str) -> dict:
    """What the letter says, as data (the Typst template only lays it out)."""
    department = complaint.department
    return {
        "recipient": [complaint.citizen.full_name, *stand_in.postal_address.splitlines()],
        "sender": [stand_in.department.name, settings.MUNICIPALITY_NAME],
        "date": date_format(timezone.localdate(complaint.created_at), "DATE_FORMAT"),
        "heading": _("Kvittering for din klage %(reference)s") % {"reference": complaint.reference},
        "intro": _("%(service)s har i dag sendt din klage om »%(subject)s« til %(department)s, som du bad om.")
        % {"service": stand_in.department.name, "subject": complaint.subject, "department": department.name},
        "facts": [
            [_("Referencenummer"), complaint.reference],
            [_("Afdeling"), department.name],
            [_("Modtaget"), date_format(timezone.localtime(complaint.created_at), "DATETIME_FORMAT")],
        ],
        "next_heading": _("Hvad sker der nu?"),
        "next": [
            _("En sagsbehandler i %(department)s kontakter dig inden for %(days)s arbejdsdage.")
            % {"department": department.name, "days": department.working_days_to_first_contact},
            _("I taler sammen om sagen og om, hvad der kan gøres inden for lovens rammer."),
            _("Du får besked om udfaldet, og vi spørger bagefter, hvordan du har oplevet forløbet."),
        ],
        "claim_heading": _("Se din klage på nettet"),
        "claim": _(
            "Log ind med MitID på %(url)s og skriv koden herunder. Så kan du følge klagen og skrive med "
            "sagsbehandleren under »Mine klager«. Koden kan bruges én gang."
        )
        % {"url": absolute_url(reverse("claim"))},
        "code_label": _("Din kode"),
        "code": code,
        "cpr_note": _("Du gav os dit CPR-nummer: når du logger ind med MitID, finder vi klagen også uden koden.")
        if stand_in.cpr_hash
        else "",
    }


def move_complaints_to_claimer(*, from_user: User, to_user: User) -> None:
    """A citizen claimed her stand-in account: its complaints, with their threads, are hers now."""
    for complaint in (
        Complaint.objects.select_for_update(of=("self",)).select_related("thread").filter(citizen=from_user)
    ):
        complaint.citizen = to_user
        complaint.save(update_fields=["citizen", "updated_at"])
        _record(complaint, ComplaintEvent.Kind.CLAIMED, actor=to_user)
        if complaint.thread is not None:
            dialogue.remove_participant(thread=complaint.thread, user=from_user)
            dialogue.add_participant(thread=complaint.thread, user=to_user, role=Participant.Role.CITIZEN)


def route_complaint(*, complaint_id: int) -> ContactTask | None:
    """Give the complaint its early-contact task. Safe to run twice: the second run creates nothing.

    Locks only the complaint's row (no key update, so new complaints in the department are not held up),
    then the department's row without its key, so that routers running at once in one department choose
    the least busy caseworker one after the other and never all pick the same person.
    """
    with transaction.atomic():
        # One statement: the complaint locked, its thread (not locked) and whether it has its task already.
        complaint = (
            Complaint.objects.select_for_update(of=("self",), no_key=True)
            .select_related("thread")
            .annotate(
                routed=Exists(ContactTask.objects.filter(complaint=OuterRef("pk"), kind=ContactTask.Kind.EARLY_CONTACT))
            )
            .filter(id=complaint_id)
            .first()
        )
        if complaint is None or complaint.routed:
            return None  # the run that routed it queued its receipt and suggestion
        # The intake sends this one message; the receipt (default queue) and the theme suggestion (heavy queue)
        # leave from here, after routing commits, so neither can hold up routing. A crash between the commit and
        # these sends is what sweep_unacknowledged_complaints and sweep_unsuggested_themes find.
        enqueue_on_commit("complaints.tasks.acknowledge_complaint", complaint.id)
        enqueue_on_commit("complaints.tasks.suggest_themes_for_complaint", complaint.id)
        if complaint.status == Complaint.Status.CLOSED:
            return None
        # The department's KLE defaults come with its lock (the subject it files under, the complaints' facet).
        department = (
            Department.objects.select_for_update(of=("self",), no_key=True)
            .annotate(default_subject_id=default_subject_id_of_department(), facet_id=complaint_facet_id())
            .get(id=complaint.department_id)
        )
        assignee = least_busy_caseworker(department_id=department.id)
        task = ContactTask.objects.create(
            complaint=complaint,
            kind=ContactTask.Kind.EARLY_CONTACT,
            department=department,
            assignee=assignee,
            due_at=add_working_days(start=complaint.created_at, days=department.working_days_to_first_contact),
        )
        complaint.status = Complaint.Status.CONTACT_PENDING
        complaint.caseworker = assignee
        # The KLE subject defaults from the department here, after commit, so that intake stays a few statements.
        complaint.kle_subject_id = complaint.kle_subject_id or department.default_subject_id
        complaint.kle_facet_id = complaint.kle_facet_id or department.facet_id
        complaint.save(update_fields=["status", "caseworker", "kle_subject", "kle_facet", "updated_at"])
        if assignee is not None and complaint.thread_id:
            dialogue.add_participant(thread=complaint.thread, user=assignee, role=Participant.Role.STAFF)
        _record(complaint, ComplaintEvent.Kind.ASSIGNED)
        _announce_task(task)
    return task


def suggest_complaint_themes(*, complaint_id: int) -> list[ComplaintThemeSuggestion]:
    """Store the themes suggested from the complaint's text, for staff to confirm when they log the contact.
    Safe to run twice: a complaint is suggested for once (themes.services.store_theme_suggestions)."""
    complaint = Complaint.objects.filter(id=complaint_id).first()
    if complaint is None:
        return []
    return store_theme_suggestions(item=complaint, text=f"{complaint.subject}\n{complaint.description}")


def _announce_task(task: ContactTask) -> None:
    """Tell the assignee (or, with none, the department's staff) by e-mail and live in the inbox."""
    recipients = [task.assignee] if task.assignee else list(department_leads(department_id=task.department_id))
    for recipient in recipients:
        queue_email(
            recipient=recipient,
            template="complaints/email/task_assigned.txt",
            context={"task": task, "complaint": task.complaint, "url": reverse("complaints:inbox")},
            dedupe_key=f"task-assigned-{task.id}-{recipient.id}",
        )
    event = {"kind": "task", "task_id": task.id, "task_kind": task.kind, "department_id": task.department_id}
    for user_id in {r.id for r in recipients} | _department_staff_ids(task):
        push_on_commit(user_id=user_id, event=event)


def _department_staff_ids(task: ContactTask) -> set[int]:
    return set(task.department.memberships.values_list("user_id", flat=True)) if task.assignee is None else set()


def reassign_task(*, actor: User, task: ContactTask, assignee: User) -> ContactTask:
    if not can_reassign_task(actor, task):
        raise PermissionDenied
    if not is_department_member(user=assignee, department_id=task.department_id):
        raise ValidationError({"assignee": _("Personen er ikke medarbejder i afdelingen.")})
    if task.status != ContactTask.Status.OPEN:
        raise ValidationError({"task": _("Opgaven er allerede afsluttet.")})
    with transaction.atomic():
        previous = task.assignee
        task.assignee = assignee
        task.reminded_at = None
        task.save(update_fields=["assignee", "reminded_at", "updated_at"])
        Complaint.objects.filter(id=task.complaint_id).update(caseworker=assignee, updated_at=timezone.now())
        thread = task.complaint.thread
        if thread is not None:
            if previous is not None and previous != assignee:
                dialogue.remove_participant(thread=thread, user=previous)
            dialogue.add_participant(thread=thread, user=assignee, role=Participant.Role.STAFF)
        _record(task.complaint, ComplaintEvent.Kind.REASSIGNED, actor=actor)
        record_staff_action(
            actor=actor,
            action="complaints.reassign_task",
            target=task,
            details={"from": previous.id if previous else None, "to": assignee.id},
        )
        _announce_task(task)
    return task


def log_contact(
    *,
    actor: User,
    task: ContactTask,
    channel: str,
    contacted_at: datetime,
    summary: str,
    citizen_understood_decision: str,
    next_steps: str = "",
    themes: list[Theme] | None = None,
) -> ContactLog:
    """Log the call or meeting with the citizen; it completes the task.

    `themes` are the complaint's themes as staff confirm them (None leaves them as they are).
    """
    if not can_work_on_task(actor, task):
        raise PermissionDenied
    log = ContactLog(
        task=task,
        complaint=task.complaint,
        author=actor,
        channel=channel,
        contacted_at=contacted_at,
        summary=summary.strip(),
        citizen_understood_decision=citizen_understood_decision,
        next_steps=next_steps.strip(),
    )
    errors: dict[str, list[str]] = {}
    try:
        log.full_clean(exclude=["task", "complaint", "author"])
    except ValidationError as error:
        errors = error.message_dict
    if contacted_at and contacted_at > timezone.now() + timedelta(minutes=5):
        errors.setdefault("contacted_at", []).append(_("Kontakten kan ikke ligge i fremtiden."))
    if themes is not None and any(not theme.active for theme in themes):
        errors.setdefault("themes", []).append(_("Vælg kun emner, der er aktive."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = ContactTask.objects.select_for_update().get(id=task.id)
        if locked.status != ContactTask.Status.OPEN:
            raise ValidationError({"task": _("Opgaven er allerede afsluttet.")})
        log.save()
        locked.status = ContactTask.Status.DONE
        locked.completed_at = timezone.now()
        locked.save(update_fields=["status", "completed_at", "updated_at"])
        complaint = Complaint.objects.select_for_update().get(id=task.complaint_id)
        if themes is not None:
            complaint.themes.set(themes)
        record_staff_action(
            actor=actor,
            action="complaints.log_contact",
            target=complaint,
            details={"task_id": locked.id, "contact_log_id": log.id, "channel": channel},
        )
        if locked.kind == ContactTask.Kind.EARLY_CONTACT:
            if complaint.status != Complaint.Status.CLOSED:
                complaint.status = Complaint.Status.IN_DIALOGUE
                complaint.save(update_fields=["status", "updated_at"])
            _record(complaint, ComplaintEvent.Kind.CONTACTED, actor=actor)
        else:
            _record(complaint, ComplaintEvent.Kind.FOLLOWED_UP, actor=actor)
    return log


def classify_complaint(*, actor: User, complaint: Complaint, kle_subject: KleNumber) -> Complaint:
    """Give the complaint another KLE subject (the case number stays as it is)."""
    if not can_handle_complaint(actor, complaint):
        raise PermissionDenied
    if not kle_subjects().filter(id=kle_subject.id).exists():
        raise ValidationError({"kle_subject": _("Vælg et gældende KLE-emne.")})
    previous = complaint.kle_subject_id
    complaint.kle_subject = kle_subject
    complaint.kle_facet = complaint.kle_facet or complaint_facet()
    with transaction.atomic():
        complaint.save(update_fields=["kle_subject", "kle_facet", "updated_at"])
        record_staff_action(
            actor=actor,
            action="complaints.classify_complaint",
            target=complaint,
            details={"from": previous, "to": kle_subject.id},
        )
    return complaint


def share_contact_summary(*, actor: User, contact_log: ContactLog) -> Message:
    """Post the summary of a logged contact into the complaint's thread, where the citizen can confirm it or
    answer with a correction. Sharing a summary again returns the message already shared.

    The agreed next steps go along when both fit in one message.
    """
    complaint = contact_log.complaint
    if not can_handle_complaint(actor, complaint) or complaint.thread is None:
        raise PermissionDenied
    body = contact_log.summary
    if contact_log.next_steps:
        with translation.override(complaint.citizen.language):
            label = _("Aftalte næste skridt:")
        with_steps = f"{body}\n\n{label}\n{contact_log.next_steps}"
        body = with_steps if len(with_steps) <= BODY_MAX_LENGTH else body
    with transaction.atomic():
        log = ContactLog.objects.select_for_update(of=("self",)).select_related("shared_message").get(id=contact_log.id)
        if log.shared_message is not None:
            return log.shared_message
        message, _created = dialogue.post_contact_summary(
            author=actor, thread=complaint.thread, body=body, client_id=f"contact-log-{log.id}"
        )
        log.shared_message = message
        log.save(update_fields=["shared_message", "updated_at"])
        record_staff_action(
            actor=actor,
            action="complaints.share_contact_summary",
            target=complaint,
            details={"contact_log_id": log.id, "message_id": message.id},
        )
    return message


INFORMATION_MAX_CHARS = 4000


def _tell_caseworker(complaint: Complaint, *, title: str) -> None:
    """Her caseworker (or, with none yet, the department's staff) hears of it: a notice, and live in the inbox."""
    if complaint.caseworker_id is not None:
        recipients = [complaint.caseworker]
    else:
        recipients = list(User.objects.filter(department_memberships__department_id=complaint.department_id).distinct())
    url = reverse("complaints:detail", args=[complaint.id])
    for recipient in recipients:
        notify(user=recipient, title=title, url=url)
        push_on_commit(user_id=recipient.id, event={"kind": "complaint", "complaint_id": complaint.id})


def add_complaint_information(
    *, actor: User, complaint: Complaint, text: str, documents: Sequence[UploadedFile] = ()
) -> ComplaintEvent:
    """The citizen (or who acts for her) tells more after sending: a text and files, on the timeline."""
    if not can_add_to_complaint(actor, complaint):
        raise PermissionDenied
    text = text.strip()
    errors: dict[str, list[str]] = {}
    if not text and not documents:
        errors["text"] = [_("Skriv, hvad du vil tilføje, eller vedhæft en fil.")]
    elif len(text) > INFORMATION_MAX_CHARS:
        errors["text"] = [_("Teksten må højst være på %(max)d tegn.") % {"max": INFORMATION_MAX_CHARS}]
    try:
        uploads = _checked_intake_uploads(decision_file=None, documents=documents)
    except ValidationError as error:
        errors.update(error.message_dict)
        uploads = []
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Complaint.objects.select_for_update(of=("self",)).select_related("caseworker").get(id=complaint.id)
        if not can_add_to_complaint(actor, locked):
            raise ValidationError({"text": [_("Klagen er afsluttet, så der kan ikke tilføjes mere.")]})
        if locked.attachments.count() + len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError({"documents": [_("Højst %(max)d dokumenter pr. klage.") % {"max": MAX_ATTACHMENTS}]})
        event = _record(locked, ComplaintEvent.Kind.INFO_ADDED, actor=actor, note=text)
        for kind, checked in uploads:
            attachment = _store_attachment(complaint=locked, actor=actor, kind=kind, checked=checked)
            ComplaintAttachment.objects.filter(id=attachment.id).update(event=event)
        _tell_caseworker(
            locked,
            title=_("Der er kommet flere oplysninger til %(reference)s") % {"reference": locked.reference},
        )
    return event


def withdraw_complaint(*, actor: User, complaint: Complaint, reason: str = "") -> Complaint:
    """The citizen takes her complaint back: it closes as withdrawn, its open tasks are cancelled, no survey."""
    if not can_withdraw_complaint(actor, complaint):
        raise PermissionDenied
    reason = reason.strip()
    if len(reason) > INFORMATION_MAX_CHARS:
        raise ValidationError(
            {"reason": [_("Teksten må højst være på %(max)d tegn.") % {"max": INFORMATION_MAX_CHARS}]}
        )
    now = timezone.now()
    with transaction.atomic():
        locked = Complaint.objects.select_for_update(of=("self",)).select_related("caseworker").get(id=complaint.id)
        if locked.status == Complaint.Status.CLOSED:
            raise ValidationError({"reason": [_("Klagen er allerede afsluttet.")]})
        locked.status = Complaint.Status.CLOSED
        locked.outcome = Complaint.Outcome.WITHDRAWN
        locked.closed_at = now
        locked.save(update_fields=["status", "outcome", "closed_at", "updated_at"])
        locked.tasks.filter(status=ContactTask.Status.OPEN).update(status=ContactTask.Status.CANCELLED, updated_at=now)
        _record(locked, ComplaintEvent.Kind.WITHDRAWN, actor=actor, note=reason)
        _tell_caseworker(
            locked, title=_("%(reference)s er trukket tilbage af borgeren") % {"reference": locked.reference}
        )
    return locked


def close_complaint(*, actor: User, complaint: Complaint, outcome: str, note: str) -> Complaint:
    """Record the outcome, create the follow-up task and send the citizen the survey."""
    if not can_handle_complaint(actor, complaint):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if outcome not in Complaint.Outcome.values:
        errors["outcome"] = [_("Vælg et af de mulige udfald.")]
    if not note.strip():
        errors["note"] = [_("Skriv en besked til borgeren om udfaldet.")]
    elif len(note) > 4000:
        errors["note"] = [_("Beskeden må højst være på 4000 tegn.")]
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(id=complaint.id)
        if complaint.status == Complaint.Status.CLOSED:
            raise ValidationError({"outcome": _("Klagen er allerede afsluttet.")})
        complaint.status = Complaint.Status.CLOSED
        complaint.outcome = outcome
        complaint.outcome_note = note.strip()
        complaint.closed_at = now
        if outcome == Complaint.Outcome.UPHELD_AND_FORWARDED:
            complaint.forwarded_at = now
        complaint.save()
        complaint.tasks.filter(status=ContactTask.Status.OPEN).update(
            status=ContactTask.Status.CANCELLED, updated_at=now
        )
        _record(complaint, ComplaintEvent.Kind.CLOSED, actor=actor, note=complaint.get_outcome_display())
        record_staff_action(
            actor=actor, action="complaints.close_complaint", target=complaint, details={"outcome": outcome}
        )
        ContactTask.objects.create(
            complaint=complaint,
            kind=ContactTask.Kind.FOLLOW_UP,
            department=complaint.department,
            assignee=complaint.caseworker or actor,
            due_at=add_working_days(start=now, days=settings.FOLLOW_UP_WORKING_DAYS),
        )
        _send_survey(complaint)
    return complaint


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _send_survey(complaint: Complaint) -> Survey:
    token = secrets.token_urlsafe(32)
    survey = Survey.objects.create(
        complaint=complaint,
        token_hash=_hash_token(token),
        expires_at=timezone.now() + timedelta(days=settings.SURVEY_LINK_VALID_DAYS),
    )
    queue_email(
        recipient=complaint.citizen,
        template="complaints/email/closed_with_survey.txt",
        context={
            "complaint": complaint,
            "survey_url": reverse("complaints:survey", args=[token]),
            "url": reverse("complaints:detail", args=[complaint.id]),
        },
        dedupe_key=f"complaint-closed-{complaint.id}",
    )
    return survey


def survey_for_token(*, token: str) -> Survey | None:
    """The survey behind a link, if it is still open (unanswered and not expired)."""
    survey = Survey.objects.select_related("complaint").filter(token_hash=_hash_token(token)).first()
    if survey is None or survey.answered_at is not None or survey.expires_at < timezone.now():
        return None
    return survey


def answer_survey(*, token: str, rating: int, understood_decision: bool, comment: str = "") -> Survey:
    errors: dict[str, list[str]] = {}
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 5:
        errors["rating"] = [_("Vælg en vurdering fra 1 til 5.")]
    if len(comment) > 4000:
        errors["comment"] = [_("Teksten må højst være på 4000 tegn.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        survey = survey_for_token(token=token)
        if survey is None:
            raise ValidationError({"token": _("Linket er brugt eller udløbet.")})
        survey = Survey.objects.select_for_update().get(id=survey.id)
        if survey.answered_at is not None:
            raise ValidationError({"token": _("Linket er brugt eller udløbet.")})
        survey.rating = rating
        survey.understood_decision = understood_decision
        survey.comment = comment.strip()
        survey.answered_at = timezone.now()
        survey.save()
        _record(survey.complaint, ComplaintEvent.Kind.SURVEY_ANSWERED)
    return survey


def remind_due_tasks(*, now: datetime | None = None) -> int:
    """Remind each assignee once when an open task is due within 24 hours."""
    now = now or timezone.now()
    with transaction.atomic():
        tasks = list(
            ContactTask.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("complaint")
            .filter(
                status=ContactTask.Status.OPEN,
                reminded_at__isnull=True,
                assignee__isnull=False,
                due_at__gt=now,
                due_at__lte=now + timedelta(hours=24),
            )[:500]
        )
        for task in tasks:
            queue_email(
                recipient=task.assignee,
                template="complaints/email/task_reminder.txt",
                context={"task": task, "complaint": task.complaint, "url": reverse("complaints:inbox")},
                dedupe_key=f"task-reminder-{task.id}-{task.assignee_id}",
            )
        ContactTask.objects.filter(id__in=[t.id for t in tasks]).update(reminded_at=now)
    return len(tasks)


def escalate_overdue_tasks(*, now: datetime | None = None) -> int:
    """Tell the department's leads, once, about each overdue task."""
    now = now or timezone.now()
    with transaction.atomic():
        tasks = list(
            ContactTask.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("complaint", "assignee")
            .filter(status=ContactTask.Status.OPEN, escalated_at__isnull=True, due_at__lt=now)[:500]
        )
        for task in tasks:
            for lead in department_leads(department_id=task.department_id):
                queue_email(
                    recipient=lead,
                    template="complaints/email/task_overdue.txt",
                    context={"task": task, "complaint": task.complaint, "url": reverse("complaints:inbox")},
                    dedupe_key=f"task-overdue-{task.id}-{lead.id}",
                )
        ContactTask.objects.filter(id__in=[t.id for t in tasks]).update(escalated_at=now)
    return len(tasks)


def sweep_missing_early_contact(*, now: datetime | None = None) -> int:
    """Route complaints whose routing message was lost (older than the grace period, still without a task).
    Routing queues their receipt and suggestion as the routing task does."""
    now = now or timezone.now()
    ids = list(
        Complaint.objects.filter(created_at__lt=now - settings.SWEEP_GRACE)
        .exclude(status=Complaint.Status.CLOSED)
        .exclude(tasks__kind=ContactTask.Kind.EARLY_CONTACT)
        .values_list("id", flat=True)[:500]
    )
    return sum(route_complaint(complaint_id=complaint_id) is not None for complaint_id in ids)


def sweep_unacknowledged_complaints(*, now: datetime | None = None) -> int:
    """Send the receipts whose message was lost (older than the grace period): routing queues the receipt after
    its commit, so a broker down then, or a worker killed between the two, leaves one unsent."""
    now = now or timezone.now()
    ids = list(
        Complaint.objects.filter(acknowledged_at__isnull=True, created_at__lt=now - settings.SWEEP_GRACE).values_list(
            "id", flat=True
        )[:500]
    )
    for complaint_id in ids:
        acknowledge_complaint(complaint_id=complaint_id)
    return len(ids)


def sweep_unsuggested_themes(*, now: datetime | None = None) -> int:
    """Suggest themes for complaints whose suggestion message was lost (older than the grace period)."""
    now = now or timezone.now()
    ids = Complaint.objects.filter(themes_suggested_at__isnull=True, created_at__lt=now - settings.SWEEP_GRACE)
    return sum(bool(suggest_complaint_themes(complaint_id=i)) for i in ids.values_list("id", flat=True)[:200])


# --- Representation: acting for someone else (partsrepræsentant, forvaltningsloven § 8) -----------------


def _representative_by_email(*, email: object, principal: User, by_citizen: bool) -> User:
    """The existing, active citizen account the e-mail names, or a ValidationError on `representative_email`."""
    email = email.strip() if isinstance(email, str) else ""
    if not email:
        raise ValidationError({"representative_email": _("Skriv e-mailadressen på den, der skal have fuldmagt.")})
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise ValidationError(
            {
                "representative_email": _(
                    "Der er ingen bruger med den e-mail. Bed personen om at logge ind i Borgerdialog én gang "
                    "(fx med MitID), og prøv igen."
                )
            }
        )
    if user.id == principal.id:
        raise ValidationError(
            {
                "representative_email": _("Du kan ikke give dig selv fuldmagt.")
                if by_citizen
                else _("Borgeren kan ikke være sin egen repræsentant.")
            }
        )
    if user.is_employee:
        raise ValidationError(
            {
                "representative_email": _(
                    "Fuldmagt gives til en privatpersons konto, ikke til en medarbejderkonto. Brug e-mailen på "
                    "personens private konto."
                )
            }
        )
    return user


def _period_errors(*, valid_from: object, valid_until: object, allow_past_start: bool) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if not isinstance(valid_from, date):
        errors["valid_from"] = [_("Angiv den dato, fuldmagten gælder fra.")]
    elif valid_from < today and not allow_past_start:
        errors["valid_from"] = [_("Fuldmagten kan tidligst gælde fra i dag.")]
    if valid_until is not None and not isinstance(valid_until, date):
        errors["valid_until"] = [_("Angiv slutdatoen som en dato, eller lad feltet stå tomt.")]
    elif valid_until is not None and valid_until < today:
        errors["valid_until"] = [_("Slutdatoen er allerede passeret.")]
    elif valid_until is not None and isinstance(valid_from, date) and valid_until < valid_from:
        errors["valid_until"] = [_("Slutdatoen skal ligge på eller efter startdatoen.")]
    return errors


def _check_no_overlap(
    *, principal: User, representative: User, complaint: Complaint | None, valid_from: date, valid_until: date | None
) -> None:
    """No second pending or active representation of the same two people whose scope and period overlap.
    Called with the principal's row locked, so two grants at once see each other."""
    live = Representation.objects.filter(
        principal=principal,
        representative=representative,
        status__in=[Representation.Status.PENDING, Representation.Status.ACTIVE],
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=valid_from))
    if complaint is not None:
        live = live.filter(Q(complaint__isnull=True) | Q(complaint=complaint))
    if valid_until is not None:
        live = live.filter(valid_from__lte=valid_until)
    if live.exists():
        raise ValidationError(
            {
                "representative_email": _(
                    "%(name)s har allerede en fuldmagt fra %(principal)s, der dækker det samme i perioden. "
                    "Kald den tilbage først, hvis den skal ændres."
                )
                % {"name": representative.full_name, "principal": principal.full_name}
            }
        )


def _lock_principal(principal: User) -> None:
    User.objects.select_for_update().filter(id=principal.id).first()


def _record_for_scope(representation: Representation, kind: str, *, actor: User | None) -> None:
    ComplaintEvent.objects.bulk_create(
        ComplaintEvent(complaint=complaint, kind=kind, actor=actor, representation=representation)
        for complaint in complaints_in_scope(representation=representation)
    )


def _sync_representative(complaint: Complaint, representative_id: int) -> None:
    """Keep the representative's place in the complaint's thread in step with her representations: taking part
    for the citizen in the period of the one in force (or the next), or not at all; her open sockets re-check."""
    if complaint.thread_id is None:
        return
    next_one = live_representations_covering(complaint=complaint, representative_id=representative_id).first()
    if next_one is None:
        Participant.objects.filter(
            thread_id=complaint.thread_id, user_id=representative_id, role=Participant.Role.REPRESENTATIVE
        ).delete()
    else:
        dialogue.set_representative(
            thread=complaint.thread,
            user=next_one.representative,
            on_behalf_of=complaint.citizen,
            valid_from=next_one.valid_from,
            valid_until=next_one.valid_until,
        )
    dialogue.recheck_access_on_commit(thread_id=complaint.thread_id, user_id=representative_id)


def _sync_scope(representation: Representation) -> None:
    for complaint in complaints_in_scope(representation=representation).select_related("thread", "citizen"):
        _sync_representative(complaint, representation.representative_id)


def _tell(*, user: User, representation: Representation, event: str) -> None:
    """A notice and an e-mail about the representation, both naming the representative and the citizen."""
    template = "complaints/email/representation.txt"
    context = {"representation": representation, "event": event, "url": representation.get_absolute_url()}
    tell(
        user=user,
        # The notice's title is the e-mail's subject.
        title=lambda: render_to_string(template, {**context, "recipient": user}).strip().partition("\n")[0][:200],
        url=representation.get_absolute_url(),
        template=template,
        context=context,
        key=f"representation-{representation.id}-{event}-{user.id}",
    )


def grant_representation(
    *,
    citizen: User,
    representative_email: object,
    complaint_id: object,
    valid_from: object,
    valid_until: object = None,
) -> Representation:
    """The citizen names someone to act for her in one of her complaints (or, with None, in all of them) for a
    period. It waits for the representative, who is told by notice and e-mail, to log in and accept."""
    if not citizen.is_authenticated:
        raise PermissionDenied
    complaint = None
    if complaint_id is not None:
        complaint = (
            own_complaints(user=citizen).filter(id=complaint_id).first() if isinstance(complaint_id, int) else None
        )
        if complaint is None:
            raise ValidationError({"complaint": _("Vælg en af dine egne klager, eller alle dine klager.")})
    representative = _representative_by_email(email=representative_email, principal=citizen, by_citizen=True)
    errors = _period_errors(valid_from=valid_from, valid_until=valid_until, allow_past_start=False)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock_principal(citizen)
        _check_no_overlap(
            principal=citizen,
            representative=representative,
            complaint=complaint,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        representation = Representation.objects.create(
            principal=citizen,
            representative=representative,
            complaint=complaint,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        _record_for_scope(representation, ComplaintEvent.Kind.PROXY_GRANTED, actor=citizen)
        _tell(user=representative, representation=representation, event="granted")
    return representation


def record_paper_representation(
    *,
    actor: User,
    complaint: Complaint,
    representative_email: object,
    valid_from: object,
    valid_until: object = None,
    title: str,
    upload,
) -> Representation:
    """Staff of the complaint's department record a signed power of attorney received on paper (attached; the
    file is checked by its content): it is in force at once, for this complaint."""
    if not can_record_paper_representation(actor, complaint):
        raise PermissionDenied
    errors = _period_errors(valid_from=valid_from, valid_until=valid_until, allow_past_start=True)
    representative = None
    try:
        representative = _representative_by_email(
            email=representative_email, principal=complaint.citizen, by_citizen=False
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        checked = check_attachment(title=title, upload=upload)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock_principal(complaint.citizen)
        _check_no_overlap(
            principal=complaint.citizen,
            representative=representative,
            complaint=complaint,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        representation = Representation(
            principal=complaint.citizen,
            representative=representative,
            complaint=complaint,
            valid_from=valid_from,
            valid_until=valid_until,
            status=Representation.Status.ACTIVE,
            source=Representation.Source.PAPER,
            recorded_by=actor,
            accepted_at=timezone.now(),
            document_title=checked.title,
            document_name=checked.file_name,
            document_mime_type=checked.mime_type,
            document_size=checked.size,
            document_sha1=checked.sha1,
        )
        representation.document.save(checked.file_name, upload, save=False)
        name = representation.document.name
        try:
            representation.save()
        except Exception:
            representation.document.storage.delete(name)
            raise
        _record_for_scope(representation, ComplaintEvent.Kind.PROXY_RECORDED, actor=actor)
        record_staff_action(
            actor=actor,
            action="complaints.record_paper_representation",
            target=representation,
            details={"complaint_id": complaint.id, "representative_id": representative.id},
        )
        _sync_scope(representation)
        _tell(user=representative, representation=representation, event="recorded")
        _tell(user=complaint.citizen, representation=representation, event="recorded")
    return representation


def _locked_representation(representation: Representation) -> Representation:
    return (
        Representation.objects.select_for_update(of=("self",))
        .select_related("principal", "representative", "complaint")
        .get(id=representation.id)
    )


def answer_representation(*, actor: User, representation: Representation, accept: bool) -> Representation:
    """The representative accepts (then she acts in the scope, in the period) or declines."""
    if not can_answer_representation(actor, representation):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked_representation(representation)
        if locked.status != Representation.Status.PENDING:
            raise ValidationError({"representation": _("Fuldmagten venter ikke længere på svar.")})
        if not locked.is_live:
            raise ValidationError({"representation": _("Fuldmagten er udløbet.")})
        now = timezone.now()
        if accept:
            locked.status, locked.accepted_at = Representation.Status.ACTIVE, now
        else:
            locked.status, locked.ended_at, locked.ended_by = Representation.Status.DECLINED, now, actor
        locked.save(update_fields=["status", "accepted_at", "ended_at", "ended_by", "updated_at"])
        kind = ComplaintEvent.Kind.PROXY_ACCEPTED if accept else ComplaintEvent.Kind.PROXY_DECLINED
        _record_for_scope(locked, kind, actor=actor)
        if accept:
            _sync_scope(locked)
        _tell(user=locked.principal, representation=locked, event="accepted" if accept else "declined")
    return locked


def end_representation(*, actor: User, representation: Representation) -> Representation:
    """Revoke it: the citizen at any time, the representative stepping down, or staff of the complaint's
    department. Access ends at once on every door; her open sockets on the threads are closed."""
    if not can_end_representation(actor, representation):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked_representation(representation)
        if locked.status not in (Representation.Status.PENDING, Representation.Status.ACTIVE):
            raise ValidationError({"representation": _("Fuldmagten er allerede afsluttet.")})
        locked.status, locked.ended_at, locked.ended_by = Representation.Status.REVOKED, timezone.now(), actor
        locked.save(update_fields=["status", "ended_at", "ended_by", "updated_at"])
        _record_for_scope(locked, ComplaintEvent.Kind.PROXY_REVOKED, actor=actor)
        _sync_scope(locked)
        for person in {locked.principal, locked.representative} - {actor}:
            _tell(user=person, representation=locked, event="revoked")
    return locked


def representation_document_opened(*, viewer: User, representation: Representation) -> None:
    """Staff who open a paper fuldmagt have read the citizen's personal data: it goes in the access log."""
    if is_representation_department_staff(viewer, representation):
        log_personal_data_access(
            viewer=viewer, subject=representation.principal, what=f"Fuldmagt: {representation.document_title}"
        )


def expire_representations(*, today: date | None = None) -> int:
    """Mark representations whose period has run out as expired, and close the representatives' sockets.
    (The rules already refuse them from the day after their last day; this keeps the record and the threads
    in step.) Safe to run twice."""
    today = today or timezone.localdate()
    with transaction.atomic():
        ran_out = list(
            Representation.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Representation.Status.ACTIVE, valid_until__lt=today)
            .select_related("principal", "representative")[:500]
        )
        for representation in ran_out:
            representation.status, representation.ended_at = Representation.Status.EXPIRED, timezone.now()
            representation.save(update_fields=["status", "ended_at", "updated_at"])
            _record_for_scope(representation, ComplaintEvent.Kind.PROXY_EXPIRED, actor=None)
            _sync_scope(representation)
    return len(ran_out)
