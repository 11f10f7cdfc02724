"""Reads of the legal track, scoped to the caller; and the paused service clock the figures read."""

from datetime import timedelta

from django.db.models import DurationField, ExpressionWrapper, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.http import Http404

from accounts.models import User
from casework.models import Decision, GuidanceTemplate, Hearing, Reassessment
from casework.permissions import can_view_casework, can_view_hearing
from complaints.models import Complaint
from complaints.selectors import complaint_facts, log_staff_read

# Each access_* logs a look by the complaint's department staff (`what`: what the door shows).


def access_hearing_by_id(*, user: User, hearing_id: int, what: str = "partshøring") -> Hearing:
    hearing = (
        Hearing.objects.select_related("complaint", "complaint__citizen", "complaint__department", "sent_by")
        .filter(id=hearing_id)
        .first()
    )
    if hearing is None or not can_view_hearing(user, hearing):
        raise Http404
    log_staff_read(user=user, complaint=hearing.complaint, what=what)
    return hearing


def access_decision_by_id(*, user: User, decision_id: int, what: str = "afgørelse") -> Decision:
    decision = (
        Decision.objects.select_related("complaint", "complaint__citizen", "complaint__department", "author")
        .filter(id=decision_id)
        .first()
    )
    if decision is None or not can_view_casework(user, decision.complaint):
        raise Http404
    log_staff_read(user=user, complaint=decision.complaint, what=what)
    return decision


def access_reassessment_by_id(*, user: User, reassessment_id: int, what: str = "klagepakke") -> Reassessment:
    reassessment = (
        Reassessment.objects.select_related("complaint", "complaint__citizen", "decision")
        .filter(id=reassessment_id)
        .first()
    )
    if reassessment is None or not can_view_casework(user, reassessment.complaint):
        raise Http404
    log_staff_read(user=user, complaint=reassessment.complaint, what=what)
    return reassessment


def hearings_of(*, complaint: Complaint) -> QuerySet[Hearing]:
    return complaint.hearings.prefetch_related("answer_attachments").order_by("-sent_at", "-id")


def open_hearing_of(*, complaint: Complaint) -> Hearing | None:
    return complaint.hearings.filter(status=Hearing.Status.OPEN).first()


def decisions_of(*, complaint: Complaint) -> QuerySet[Decision]:
    return complaint.decisions.select_related("author").order_by("sent_at", "id")


def final_decision_of(*, complaint: Complaint) -> Decision | None:
    return complaint.decisions.filter(kind__in=[Decision.Kind.CHANGED, Decision.Kind.UPHELD]).first()


def legal_track(*, complaint: Complaint) -> dict:
    """The complaint's hearings (newest first), decisions (oldest first) and reassessment, with the hearing that
    waits for the citizen (open_hearing_of) and the final decision (final_decision_of) picked from the same rows:
    three queries (the hearings' answer files prefetched), not five."""
    hearings = list(hearings_of(complaint=complaint))  # the order open_hearing_of takes the first of
    decisions = list(decisions_of(complaint=complaint))  # the order final_decision_of takes the first of
    final_kinds = {Decision.Kind.CHANGED, Decision.Kind.UPHELD}
    return {
        "hearings": hearings,
        "waiting": next((hearing for hearing in hearings if hearing.status == Hearing.Status.OPEN), None),
        "decisions": decisions,
        "final": next((decision for decision in decisions if decision.kind in final_kinds), None),
        "reassessment": reassessment_of(complaint=complaint),
    }


def reassessment_of(*, complaint: Complaint) -> Reassessment | None:
    return Reassessment.objects.filter(complaint=complaint).first()


def guidance_templates_for(*, department_id: int) -> QuerySet[GuidanceTemplate]:
    return GuidanceTemplate.objects.filter(department_id=department_id).order_by("name", "id")


# The service clock: time waiting for the citizen pauses it, never a statutory deadline.


def waited_for_citizen(*, until) -> Subquery:
    """Per complaint (OuterRef "id"): how long it waited for the citizen before `until` (an expression).

    A hearing or question waits from when it is sent until she answers, its deadline passes, or a
    decision closes it — whichever is first (ended_at, capped at the deadline) — and only the part
    before `until` counts. One waits at a time (a constraint), so nothing is counted twice.
    """
    end = Least(Coalesce(F("ended_at"), F("deadline")), F("deadline"), OuterRef(until))
    waited = ExpressionWrapper(Greatest(end - F("sent_at"), Value(timedelta(0))), DurationField())
    return Subquery(
        Hearing.objects.filter(complaint_id=OuterRef("id"), sent_at__lt=OuterRef(until))
        .order_by()
        .values("complaint_id")
        .annotate(total=Sum(waited))
        .values("total"),
        output_field=DurationField(),
    )


def complaint_facts_with_decision_time() -> QuerySet:
    """complaints.selectors.complaint_facts, each with `decided_at` (the first decision sent) and
    `waited_before_decision` (time waiting for the citizen before it; None when there was none)."""
    first_decision = Decision.objects.filter(complaint_id=OuterRef("id")).order_by("sent_at", "id").values("sent_at")
    return (
        complaint_facts()
        .annotate(decided_at=Subquery(first_decision[:1]))
        .annotate(waited_before_decision=waited_for_citizen(until="decided_at"))
    )
