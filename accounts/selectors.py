from django.db.models import QuerySet

from accounts.models import Department, DepartmentMembership, User


def departments_accepting_complaints() -> QuerySet[Department]:
    return Department.objects.filter(accepts_complaints=True).order_by("name")


def department_ids_of(*, user: User) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.department_memberships.values_list("department_id", flat=True))


def is_department_member(*, user: User, department_id: int) -> bool:
    return user.is_authenticated and department_id in department_ids_of(user=user)


def is_department_lead(*, user: User, department_id: int) -> bool:
    return (
        user.is_authenticated
        and user.department_memberships.filter(
            department_id=department_id, role=DepartmentMembership.Role.LEAD
        ).exists()
    )


def department_leads(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        department_memberships__department_id=department_id,
        department_memberships__role=DepartmentMembership.Role.LEAD,
    )


def department_caseworkers(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        department_memberships__department_id=department_id,
        department_memberships__role=DepartmentMembership.Role.CASEWORKER,
    )


def reassign_candidates_for_department(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(is_active=True, department_memberships__department_id=department_id).order_by(
        "full_name"
    )


def personal_data_accesses_of(*, user: User):
    return user.personal_data_accesses.select_related("viewer").order_by("-created_at", "-id")
