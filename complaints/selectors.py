"""Reads of complaints and tasks, always scoped to what the caller may see."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, F, FilteredRelation, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.access_log import log_reads, logged_reads
from accounts.models import User
from accounts.permissions import may_manage_stand_in
from accounts.selectors import (
    citizen_service_department_ids,
    department_caseworkers,
    department_ids_of,
    is_department_lead,
)
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintDraft,
    ContactTask,
    Representation,
    Survey,
)
from complaints.permissions import (
    active_representations,
    can_attach_to_complaint,
    can_handle_complaint,
    can_view_complaint,
    can_view_representation,
    can_work_on_task,
    complaint_citizen_q,
    complaint_representative_q,
    covering,
    viewable_complaints_q,
)
from dialogue.selectors import thread_messages
from themes.models import Theme
from themes.redaction import excerpt


def complaints_visible_to(*, user: User) -> QuerySet[Complaint]:
    """Every complaint the user may see; each one fetched for staff of its department is written to the access
    log (the citizen's own and those she acts in are not)."""
    if not user.is_authenticated:
        return Complaint.objects.none()
    complaints = Complaint.objects.filter(viewable_complaints_q(user)).select_related(
        "department", "caseworker", "citizen"
    )
    staff_of = set(department_ids_of(user=user))

    def read(complaint: Complaint) -> tuple[int | None, str]:
        return (complaint.citizen_id if complaint.department_id in staff_of else None), complaint.reference

    return logged_reads(complaints, viewer=user, read=read)


def own_complaints(*, user: User, query: str = "", status: str = "") -> QuerySet[Complaint]:
    """The citizen's own complaints ("Mine klager"), newest first; `query` searches reference, subject and text."""
    complaints = Complaint.objects.filter(complaint_citizen_q(user)).select_related("department")
    if query:
        complaints = complaints.filter(complaint_search_q(query))
    if status:
        complaints = complaints.filter(status=status)
    return complaints.order_by("-created_at", "-id")


REFERENCE = re.compile(r"^(?:K-\d{4}-)?0*(\d{1,12})$", re.IGNORECASE)


def complaint_search_q(query: str, *, via: str = "") -> Q:
    """What a search for `query` finds: its reference (K-2026-00012, or the number), or words of its subject or
    text. `via` is the path to the complaint from the model searched ("complaint__" for tasks)."""
    query = query.strip()
    found = Q(**{f"{via}subject__icontains": query}) | Q(**{f"{via}description__icontains": query})
    if reference := REFERENCE.match(query):
        found |= Q(**{f"{via}id": int(reference.group(1))})
    return found


def represented_complaints(*, user: User) -> QuerySet[Complaint]:
    """The complaints she acts in for someone else today, under "Mine klager" ("på vegne af")."""
    return Complaint.objects.filter(complaint_representative_q(user)).select_related("department", "citizen")


def _viewable_complaint(*, user: User, complaint_id: int) -> Complaint:
    # With what its page shows beside it (the KLE subject and facet, the thread's panel, whether the citizen is
    # represented by a stand-in): four queries fewer on the complaint's page.
    related = ("department", "caseworker", "citizen", "filed_by_department", "kle_subject", "kle_facet", "thread")
    complaint = Complaint.objects.select_related(*related, "citizen__stand_in").filter(id=complaint_id).first()
    if complaint is None or not can_view_complaint(user, complaint):
        raise Http404
    return complaint


def log_staff_read(*, user: User, complaint: Complaint, what: str = "") -> None:
    """The department's staff were shown the complaint's personal data: one entry in the citizen's access log."""
    if can_handle_complaint(user, complaint):
        log_reads(viewer=user, reads=[(complaint.citizen_id, f"{complaint.reference} {what}".strip())])


def access_complaint_by_id(*, user: User, complaint_id: int, what: str = "") -> Complaint:
    """The complaint, or 404 when it does not exist or the user may not see it. A look by the department's
    staff is logged (`what`: which part of the case the door shows, after the reference)."""
    complaint = _viewable_complaint(user=user, complaint_id=complaint_id)
    log_staff_read(user=user, complaint=complaint, what=what)
    return complaint


def access_complaint_attachment_by_id(*, user: User, complaint_id: int, attachment_id: int) -> ComplaintAttachment:
    """A document of a complaint the user may see, or 404; staff reads are logged with its title."""
    complaint = _viewable_complaint(user=user, complaint_id=complaint_id)
    attachment = complaint.attachments.filter(id=attachment_id).first()
    if attachment is None:
        raise Http404
    attachment.complaint = complaint
    log_staff_read(user=user, complaint=complaint, what=f"bilag: {attachment.title}")
    return attachment


def may_attach_to(user: User, complaint_id: int) -> bool:
    """Whether the user may add a document to the complaint: asked before the upload's body is read."""
    complaint = Complaint.objects.filter(id=complaint_id).select_related("citizen").first()
    return complaint is not None and can_attach_to_complaint(user, complaint)


def complaint_attachments(*, complaint: Complaint) -> QuerySet[ComplaintAttachment]:
    return complaint.attachments.order_by("created_at", "id")


def access_assisted_complaint_by_id(*, user: User, complaint_id: int) -> Complaint:
    """A complaint citizen service filed for a citizen who has not claimed it yet, for the citizen service
    staff of the department that filed it (its receipt and claim code); 404 for anyone else."""
    complaint = (
        Complaint.objects.select_related("department", "citizen__stand_in__department", "filed_by_department")
        .filter(id=complaint_id, filed_by__isnull=False)
        .first()
    )
    stand_in = getattr(complaint.citizen, "stand_in", None) if complaint else None
    if complaint is None or not may_manage_stand_in(user, stand_in):
        raise Http404
    log_reads(viewer=user, reads=[(complaint.citizen_id, f"{complaint.reference} kvittering")])
    return complaint


def complaints_filed_for_unclaimed(*, user: User) -> QuerySet[Complaint]:
    """What the user's citizen service departments filed for citizens who have not claimed it yet."""
    return (
        Complaint.objects.filter(
            filed_by_department_id__in=citizen_service_department_ids(user=user),
            citizen__stand_in__claimed_by__isnull=True,
        )
        .select_related("department", "citizen")
        .order_by("-created_at", "-id")
    )


def open_complaint_draft(*, user: User) -> ComplaintDraft | None:
    """The complaint she is writing in steps, with its files; none until she has answered a step."""
    return ComplaintDraft.objects.filter(citizen_id=user.id, complaint__isnull=True).prefetch_related("files").first()


def sent_complaint_of_draft(*, user: User, draft_id: int) -> Complaint | None:
    """The complaint her draft became, when it has been sent (a repeated "Send" leads to its receipt)."""
    draft = ComplaintDraft.objects.filter(id=draft_id, citizen_id=user.id, complaint__isnull=False).first()
    return draft.complaint if draft else None


def complaint_timeline(*, complaint: Complaint):
    return (
        complaint.events.select_related("actor", "representation__representative", "representation__principal")
        .prefetch_related("attachments")
        .order_by("created_at", "id")
    )


def inbox_for(
    *, user: User, include_done: bool = False, query: str = "", kind: str = "", overdue: bool = False
) -> QuerySet[ContactTask]:
    """A caseworker's own tasks and her departments' unassigned ones; a lead sees her whole department.

    Soonest due first; `query` searches the complaints (complaint_search_q), `kind` and `overdue` narrow.
    """
    department_ids = department_ids_of(user=user)
    lead_department_ids = [d for d in department_ids if is_department_lead(user=user, department_id=d)]
    tasks = ContactTask.objects.filter(
        Q(assignee=user)
        | Q(assignee__isnull=True, department_id__in=department_ids)
        | Q(department_id__in=lead_department_ids)
    )
    if not include_done:
        tasks = tasks.filter(status=ContactTask.Status.OPEN)
    if query:
        tasks = tasks.filter(complaint_search_q(query, via="complaint__"))
    if kind:
        tasks = tasks.filter(kind=kind)
    if overdue:
        tasks = tasks.filter(status=ContactTask.Status.OPEN, due_at__lt=timezone.now())
    tasks = (
        tasks.select_related(
            "complaint", "assignee", "department", "complaint__citizen", "complaint__filed_by_department"
        )
        .prefetch_related("complaint__theme_suggestions__theme")
        .order_by("due_at", "id")
    )
    # The inbox shows each citizen's name: every row fetched (a page of the API's list) is logged.
    return logged_reads(
        tasks, viewer=user, read=lambda task: (task.complaint.citizen_id, f"{task.complaint.reference} indbakke")
    )


def access_task_by_id(*, user: User, task_id: int) -> ContactTask:
    """The task, to staff of its department (404 for anyone else); the look is logged."""
    task = (
        ContactTask.objects.select_related(
            "complaint", "complaint__citizen", "complaint__filed_by_department", "department", "assignee"
        )
        .filter(id=task_id)
        .first()
    )
    if task is None or not can_work_on_task(user, task):
        raise Http404
    log_reads(viewer=user, reads=[(task.complaint.citizen_id, f"{task.complaint.reference} opgave")])
    return task


def least_busy_caseworker(*, department_id: int) -> User | None:
    """The department's caseworker with the fewest open tasks (ties: the longest-standing member)."""
    return (
        department_caseworkers(department_id=department_id)
        .annotate(open_tasks=Count("contact_tasks", filter=Q(contact_tasks__status=ContactTask.Status.OPEN)))
        .order_by("open_tasks", "id")
        .first()
    )


def theme_suggestions_for(*, complaint: Complaint) -> list[tuple[Theme, float]]:
    """The themes suggested at intake, most likely first."""
    return [(s.theme, s.score) for s in complaint.theme_suggestions.select_related("theme").order_by("-score", "id")]


def themed_complaint_examples(limit: int) -> list[tuple[str, list[int]]]:
    """The newest complaints with themes confirmed by staff, as (text, theme ids): the suggestion learns from these."""
    rows = (
        Complaint.objects.filter(themes__isnull=False)
        .values("id", "subject", "description")
        .annotate(theme_ids=ArrayAgg("themes__id", distinct=True))
        .order_by("-id")[:limit]
    )
    return [(f"{row['subject']}\n{row['description']}", row["theme_ids"]) for row in rows]


def complaint_facts(*, theme_ids: list[int] | None = None) -> QuerySet:
    """Every complaint (or those with any of `theme_ids`) as anonymous facts: values, no person, no text.

    first_contact_at and contact_due_at come from the early-contact task and its log;
    survey_rating and survey_understood from the follow-up survey.
    """
    complaints = Complaint.objects.all()
    if theme_ids is not None:
        complaints = complaints.filter(
            id__in=Complaint.themes.through.objects.filter(theme_id__in=theme_ids).values("complaint_id")
        )
    return complaints.annotate(
        early=FilteredRelation("tasks", condition=Q(tasks__kind=ContactTask.Kind.EARLY_CONTACT)),
        first_contact_at=F("early__contact_log__contacted_at"),
        contact_due_at=F("early__due_at"),
        survey_rating=F("survey__rating"),
        survey_understood=F("survey__understood_decision"),
    ).values(
        "id",
        "department_id",
        "kind",
        "status",
        "outcome",
        "created_at",
        "closed_at",
        "genvurdering_due",
        "forwarded_at",
        "first_contact_at",
        "contact_due_at",
        "survey_rating",
        "survey_understood",
    )


# What the committees floor reads about themed complaints: counts, redacted excerpts, and who agreed to hear.


def theme_activity(*, since: datetime) -> list[tuple[int, datetime]]:
    """(theme id, received) for each theme of each complaint received after `since`."""
    return list(
        Complaint.themes.through.objects.filter(complaint__created_at__gt=since).values_list(
            "theme_id", "complaint__created_at"
        )
    )


def complaints_received(*, theme_ids: list[int], since: datetime, until: datetime) -> QuerySet:
    """When and to which department each complaint with any of the themes arrived: values, nothing else."""
    themed = Complaint.themes.through.objects.filter(theme_id__in=theme_ids).values("complaint_id")
    return Complaint.objects.filter(id__in=themed, created_at__gt=since, created_at__lte=until).values(
        "department_id", "created_at"
    )


def theme_excerpts(*, theme_ids: list[int], limit: int, length: int = 240) -> list[dict]:
    """The newest complaints with any of the themes, as short excerpts with personal data removed.

    Each is {"month": first day of the month received, "text": redacted excerpt}; the names removed are those of
    every person known to the case (people_known_to_cases), besides everything themes.redaction finds. A
    constant number of queries.
    """
    complaints = list(
        Complaint.objects.filter(
            id__in=Complaint.themes.through.objects.filter(theme_id__in=theme_ids).values("complaint_id")
        ).order_by("-created_at", "-id")[:limit]
    )
    people = people_known_to_cases(complaints=complaints)
    return [
        {
            "month": timezone.localtime(complaint.created_at).date().replace(day=1),
            "text": excerpt(
                f"{complaint.subject}. {complaint.description}",
                names=[person.full_name for person in people[complaint.id]],
                length=length,
            ),
        }
        for complaint in complaints
    ]


def citizens_to_tell_about_themes(*, theme_ids: list[int]) -> QuerySet[User]:
    """Active citizens with a complaint carrying any of the themes who agreed to hear what a committee decides."""
    agreed = Complaint.objects.filter(notify_about_decisions=True, themes__in=theme_ids).values("citizen_id")
    return User.objects.filter(id__in=agreed, is_active=True)


# The documents of a case, for aktindsigt (access_requests): every text the case holds, in order.


@dataclass(frozen=True)
class CaseDocument:
    kind: str  # complaint, contact_log, message (and, where the case has them, decision, attachment)
    source_id: int
    dated_at: datetime
    text: str


def case_documents(*, complaint: Complaint) -> list[CaseDocument]:
    """The complaint itself, its contact log, its attachments (by title: a file is released or withheld
    whole) and its thread's messages, oldest first: what an access request is decided on. The texts are as
    stored: redacting is the reader's job."""
    complaint_text = "\n\n".join(
        part for part in [complaint.subject, complaint.description, complaint.desired_outcome] if part
    )
    documents = [CaseDocument("complaint", complaint.id, complaint.created_at, complaint_text)]
    for log in complaint.contact_logs.order_by("contacted_at", "id"):
        text = "\n\n".join(part for part in [log.summary, log.next_steps] if part)
        documents.append(CaseDocument("contact_log", log.id, log.contacted_at, text))
    for attachment in complaint_attachments(complaint=complaint):
        text = f"{attachment.get_kind_display()}: {attachment.title} ({attachment.file_name})"
        documents.append(CaseDocument("attachment", attachment.id, attachment.created_at, text))
    if complaint.thread_id:
        for message in thread_messages(thread=complaint.thread).filter(hidden_at__isnull=True):
            documents.append(CaseDocument("message", message.id, message.created_at, message.body))
    return sorted(documents, key=lambda document: document.dated_at)


def people_known_to_cases(*, complaints: list[Complaint]) -> dict[int, list[User]]:
    """For each complaint, everyone known to its case: the citizen, her representatives (fuldmagt: for this
    complaint or all of hers, whatever the fuldmagt's state), the caseworker, the staff who filed it for her,
    took a contact task or wrote its contact log, and everyone who ever took part in or wrote to its thread (or
    was written for). Whose names are removed when the case's text is read outside it. Two queries, whatever
    the number of complaints."""
    ids = [complaint.id for complaint in complaints]
    cases = Complaint.objects.filter(id__in=ids)
    linked = [
        cases.values_list("id", "citizen_id"),
        cases.values_list("id", "caseworker_id"),
        cases.values_list("id", "filed_by_id"),
        cases.values_list("id", "representations__representative_id"),
        cases.filter(citizen__representations_given__complaint=None).values_list(
            "id", "citizen__representations_given__representative_id"
        ),
        cases.values_list("id", "tasks__assignee_id"),
        cases.values_list("id", "contact_logs__author_id"),
        cases.values_list("id", "thread__participants__user_id"),
        cases.values_list("id", "thread__participants__on_behalf_of_id"),
        cases.values_list("id", "thread__messages__author_id"),
        cases.values_list("id", "thread__messages__on_behalf_of_id"),
    ]
    pairs = {pair for pair in linked[0].union(*linked[1:]) if pair[1] is not None} if ids else set()
    users = User.objects.in_bulk({user_id for _complaint_id, user_id in pairs})
    people: dict[int, list[User]] = {complaint_id: [] for complaint_id in ids}
    for complaint_id, user_id in sorted(pairs):
        people[complaint_id].append(users[user_id])
    return people


def people_known_to_case(*, complaint: Complaint) -> list[User]:
    return people_known_to_cases(complaints=[complaint])[complaint.id]


def closed_complaint_ids(
    *,
    closed_before: datetime,
    kle_subject_id: int | None = None,
    department_id: int | None = None,
    excluding_kle_subject_ids=(),
) -> QuerySet:
    """Ids of closed, not yet anonymised complaints closed before the time, with the KLE subject or in the
    department (retention)."""
    complaints = Complaint.objects.filter(
        status=Complaint.Status.CLOSED, anonymised_at__isnull=True, closed_at__lt=closed_before
    )
    if kle_subject_id is not None:
        complaints = complaints.filter(kle_subject_id=kle_subject_id)
    if department_id is not None:
        complaints = complaints.filter(department_id=department_id).exclude(
            kle_subject_id__in=excluding_kle_subject_ids
        )
    return complaints.order_by("closed_at", "id").values_list("id", flat=True)


# Representations (powers of attorney)


def _representations() -> QuerySet[Representation]:
    return Representation.objects.select_related(
        "principal", "representative", "complaint", "complaint__department", "recorded_by", "ended_by"
    )


def representations_given(*, user: User) -> QuerySet[Representation]:
    return _representations().filter(principal_id=user.id)


def representations_held(*, user: User) -> QuerySet[Representation]:
    return _representations().filter(representative_id=user.id)


def access_representation_by_id(*, user: User, representation_id: int) -> Representation:
    """The representation, or 404 when it does not exist or the user may not see it."""
    representation = _representations().filter(id=representation_id).first()
    if representation is None or not can_view_representation(user, representation):
        raise Http404
    return representation


def representations_for_complaint(*, complaint: Complaint) -> QuerySet[Representation]:
    """Every representation that takes in the complaint, newest first (ended ones too: the record)."""
    return covering(_representations(), complaint)


def representatives_in_force(*, complaint: Complaint) -> QuerySet[Representation]:
    return covering(active_representations(), complaint).select_related("representative", "principal")


def live_representations_covering(*, complaint: Complaint, representative_id: int) -> QuerySet[Representation]:
    """The representative's accepted representations for the complaint that have not run out, soonest first."""
    today = timezone.localdate()
    return (
        covering(Representation.objects.filter(status=Representation.Status.ACTIVE), complaint)
        .filter(representative_id=representative_id)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .select_related("representative")
        .order_by("valid_from", "id")
    )


def complaints_in_scope(*, representation: Representation) -> QuerySet[Complaint]:
    if representation.complaint_id is not None:
        return Complaint.objects.filter(id=representation.complaint_id)
    return Complaint.objects.filter(citizen_id=representation.principal_id)


def own_data_of(*, user: User) -> dict[str, list[dict]]:
    """Her complaints (with the contact logged, the case's documents by title and the powers of attorney she gave)
    and her survey answers, for her data export."""
    complaints = Complaint.objects.filter(citizen_id=user.id).select_related("department", "caseworker")
    answers = Survey.objects.filter(complaint__citizen_id=user.id, answered_at__isnull=False).select_related(
        "complaint"
    )
    return {
        "klager": [
            {
                "sag": complaint.reference,
                "modtaget": complaint.created_at,
                "afdeling": complaint.department.name if complaint.department else "",
                "sagsbehandler": complaint.caseworker.full_name if complaint.caseworker else "",
                "emne": complaint.subject,
                "beskrivelse": complaint.description,
                "ønsket_resultat": complaint.desired_outcome,
                "sagsnummer": complaint.case_number,
                "afgørelsesdato": complaint.decision_date,
                "kontaktform": complaint.contact_channel,
                "telefon": complaint.phone,
                "status": complaint.status,
                "resultat": complaint.outcome,
                "afsluttet": complaint.closed_at,
                "kontakter": list(
                    complaint.contact_logs.order_by("contacted_at", "id").values(
                        "contacted_at", "channel", "summary", "next_steps"
                    )
                ),
                "dokumenter": list(
                    complaint_attachments(complaint=complaint).values("title", "file_name", "created_at")
                ),
            }
            for complaint in complaints.order_by("created_at", "id")
        ],
        "fuldmagter": list(
            representations_given(user=user).values("representative__full_name", "status", "valid_from", "valid_until")
        ),
        "spørgeskemaer": [
            {
                "sag": survey.complaint.reference,
                "besvaret": survey.answered_at,
                "vurdering": survey.rating,
                "forstod_afgørelsen": survey.understood_decision,
                "kommentar": survey.comment,
            }
            for survey in answers.order_by("answered_at", "id")
        ],
        "kladder": [
            {"gemt": draft.updated_at, "svar": draft.answers, "filer": [f.file_name for f in draft.files.all()]}
            for draft in ComplaintDraft.objects.filter(citizen_id=user.id, complaint__isnull=True)
        ],
    }
