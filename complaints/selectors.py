"""Reads of complaints and tasks, always scoped to what the caller may see."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from accounts.models import User
from accounts.selectors import department_caseworkers, department_ids_of, is_department_lead
from complaints.models import Complaint, ContactTask
from complaints.permissions import can_view_complaint


def complaints_visible_to(*, user: User) -> QuerySet[Complaint]:
    if not user.is_authenticated:
        return Complaint.objects.none()
    return Complaint.objects.filter(Q(citizen=user) | Q(department_id__in=department_ids_of(user=user))).select_related(
        "department", "caseworker", "citizen"
    )


def access_complaint_by_id(*, user: User, complaint_id: int) -> Complaint:
    """The complaint, or 404 when it does not exist or the user may not see it."""
    complaint = Complaint.objects.select_related("department", "caseworker", "citizen").filter(id=complaint_id).first()
    if complaint is None or not can_view_complaint(user, complaint):
        raise Http404
    return complaint


def complaint_timeline(*, complaint: Complaint):
    return complaint.events.select_related("actor").order_by("created_at", "id")


def inbox_for(*, user: User, include_done: bool = False) -> QuerySet[ContactTask]:
    """A caseworker's own tasks and her departments' unassigned ones; a lead sees her whole department.

    Soonest due first.
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
    return tasks.select_related("complaint", "assignee", "department", "complaint__citizen").order_by("due_at", "id")


def access_task_by_id(*, user: User, task_id: int) -> ContactTask:
    task = ContactTask.objects.select_related("complaint", "department", "assignee").filter(id=task_id).first()
    if task is None or task.department_id not in department_ids_of(user=user):
        raise Http404
    return task


def least_busy_caseworker(*, department_id: int) -> User | None:
    """The department's caseworker with the fewest open tasks (ties: the longest-standing member)."""
    return (
        department_caseworkers(department_id=department_id)
        .annotate(open_tasks=Count("contact_tasks", filter=Q(contact_tasks__status=ContactTask.Status.OPEN)))
        .order_by("open_tasks", "id")
        .first()
    )
