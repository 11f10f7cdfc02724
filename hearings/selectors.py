"""Reads of hearings and their answers, always scoped to what the caller may see."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from accounts.models import Council, Department, User
from accounts.selectors import active_council_memberships, councils_of, department_ids_of
from accounts.services import log_personal_data_access
from hearings.models import Answer, CouncilDuty, Hearing, Invitation, Section
from hearings.permissions import (
    can_manage_hearing,
    can_read_all_answers,
    can_view_answer,
    can_view_hearing,
    managed_hearings_q,
    published_hearings_q,
)
from ideas.models import Association
from ideas.selectors import associations_of


def published_hearings() -> QuerySet[Hearing]:
    """What the public list shows: every published hearing, newest deadline first."""
    return (
        Hearing.objects.filter(published_hearings_q())
        .select_related("committee", "department")
        .order_by("-ends_on", "-id")
    )


def hearings_managed_by(*, user: User) -> QuerySet[Hearing]:
    """The hearings the user's departments are behind (drafts included); every hearing for an administrator."""
    hearings = Hearing.objects.filter(managed_hearings_q(user))
    return hearings.select_related("committee", "department").order_by("-created_at", "-id")


def departments_for_new_hearing(*, user: User) -> QuerySet[Department]:
    """The departments the user may start a hearing for."""
    if user.is_authenticated and user.is_staff:
        return Department.objects.order_by("name")
    return Department.objects.filter(id__in=department_ids_of(user=user)).order_by("name")


def access_hearing_by_id(*, user: User, hearing_id: int) -> Hearing:
    hearing = Hearing.objects.select_related("committee", "department").filter(id=hearing_id).first()
    if hearing is None or not can_view_hearing(user, hearing):
        raise Http404
    return hearing


def access_managed_hearing_by_id(*, user: User, hearing_id: int) -> Hearing:
    """A hearing the user writes; 404 for one she may not know, PermissionDenied is not needed: she may read it."""
    hearing = access_hearing_by_id(user=user, hearing_id=hearing_id)
    if not can_manage_hearing(user, hearing):
        raise Http404
    return hearing


def sections_of(*, hearing: Hearing) -> QuerySet[Section]:
    return hearing.sections.select_related("note").order_by("number")


def invitations_of(*, hearing: Hearing) -> QuerySet[Invitation]:
    return hearing.invitations.select_related("council", "association").order_by("id")


def uninvited_councils(*, hearing: Hearing) -> QuerySet[Council]:
    return Council.objects.exclude(id__in=hearing.invitations.values("council_id").exclude(council_id=None))


def uninvited_associations(*, hearing: Hearing) -> QuerySet[Association]:
    return Association.objects.exclude(id__in=hearing.invitations.values("association_id").exclude(association_id=None))


def _answers(hearing: Hearing) -> QuerySet[Answer]:
    return hearing.answers.select_related("author", "council", "association", "section").order_by("created_at", "id")


def public_answers(*, hearing: Hearing) -> QuerySet[Answer]:
    """The answers everyone may read: none before the hearing says so; then neither hidden nor sensitive."""
    if not hearing.answers_are_public:
        return Answer.objects.none()
    return _answers(hearing).filter(hidden_at__isnull=True, contains_sensitive=False)


def answers_for(*, user: User, hearing: Hearing) -> list[Answer]:
    """The answers this user may read: the public ones, her own, and all of them for the staff who may."""
    if can_read_all_answers(user, hearing):
        return [answer for answer in _answers(hearing) if can_view_answer(user, answer)]
    mine = _answers(hearing).filter(author_id=user.id) if user.is_authenticated else Answer.objects.none()
    return list((public_answers(hearing=hearing) | mine).distinct().order_by("created_at", "id"))


def answers_read_by_department(*, user: User, hearing: Hearing) -> list[Answer]:
    """The answers as the department reads them (to manage the hearing or write the notat). A person's answer
    marked sensitive is personal data: each read of one is written to her personal-data access log."""
    answers = answers_for(user=user, hearing=hearing)
    for answer in answers:
        if answer.contains_sensitive and answer.council_id is None and answer.association_id is None:
            log_personal_data_access(
                viewer=user, subject=answer.author, what=f"Høringssvar med følsomme oplysninger: {hearing.title}"
            )
    return answers


def access_answer_by_id(*, user: User, answer_id: int) -> Answer:
    answer = Answer.objects.select_related("hearing", "author", "council", "association").filter(id=answer_id).first()
    if answer is None or not can_view_hearing(user, answer.hearing) or not can_view_answer(user, answer):
        raise Http404
    return answer


@dataclass(frozen=True)
class AnswerCounts:
    total: int
    published: int
    sensitive: int
    hidden: int


def answer_counts(*, hearing: Hearing) -> AnswerCounts:
    """How many answered: a sensitive answer is never shown, but always counted."""
    counts = hearing.answers.aggregate(
        total=Count("id"),
        sensitive=Count("id", filter=Q(contains_sensitive=True)),
        hidden=Count("id", filter=Q(hidden_at__isnull=False)),
        published=Count("id", filter=Q(contains_sensitive=False, hidden_at__isnull=True)),
    )
    return AnswerCounts(**counts)


def answer_counts_by_section(*, hearing: Hearing) -> dict[int | None, int]:
    rows = hearing.answers.values("section_id").annotate(n=Count("id"))
    return {row["section_id"]: row["n"] for row in rows}


def parties_user_may_answer_for(*, user: User, hearing: Hearing) -> tuple[QuerySet[Council], QuerySet[Association]]:
    """The councils she sits on today and the associations she belongs to."""
    return councils_of(user=user), associations_of(user=user)


def people_of_invited_parties(*, hearing: Hearing) -> QuerySet[User]:
    """Everyone who speaks for an invited party: council members today, association members."""
    invitations = hearing.invitations.all()
    council_ids = invitations.exclude(council_id=None).values("council_id")
    association_ids = invitations.exclude(association_id=None).values("association_id")
    return User.objects.filter(
        Q(id__in=active_council_memberships().filter(council_id__in=council_ids).values("user_id"))
        | Q(association_memberships__association_id__in=association_ids),
        is_active=True,
    ).distinct()


def answerers_to_tell(*, hearing_ids: list[int]) -> QuerySet[User]:
    """Everyone who answered one of the hearings and agreed to hear what the committee decides."""
    answers = Answer.objects.filter(hearing_id__in=hearing_ids, notify_about_decision=True)
    return User.objects.filter(id__in=answers.values("author_id"), is_active=True).order_by("id")


def concluded_for_committee(*, committee_id: int) -> QuerySet[Hearing]:
    """Concluded hearings of the committee that are not on an agenda yet (the committee's proposals)."""
    return Hearing.objects.filter(committee_id=committee_id, concluded_at__isnull=False, agenda_status="").order_by(
        "concluded_at"
    )


def duties_for_themes(*, theme_ids: set[int]) -> QuerySet[CouncilDuty]:
    return CouncilDuty.objects.filter(themes__id__in=theme_ids).select_related("council").distinct().order_by("id")


def councils_invited_to(*, hearing_ids: set[int]) -> set[int]:
    rows = Invitation.objects.filter(hearing_id__in=hearing_ids).exclude(council_id=None)
    return set(rows.values_list("council_id", flat=True))


def own_data_of(*, user: User) -> dict[str, list[dict]]:
    """Her answers to hearings, for her data export (the attached file by name)."""
    answers = Answer.objects.filter(author_id=user.id).select_related("hearing", "section").order_by("created_at", "id")
    return {
        "høringssvar": [
            {
                "høring": answer.hearing.title,
                "afsnit": answer.section.title if answer.section else "",
                "sendt": answer.created_at,
                "tekst": answer.body,
                "fil": answer.file_name,
            }
            for answer in answers
        ]
    }
