"""Who may see and do what with hearings: the one place every door asks.

- The public reads a published hearing (its summary, draft and invited parties) and, once the hearing says so
  (at once, or after the deadline), the published answers: neither hidden by a moderator nor marked sensitive.
- Anyone logged in answers an open hearing in her own name; on behalf of a council she sits on today
  (accounts.permissions) or an association she belongs to.
- The department behind a hearing (its members) and administrators write it: draft, invitations, høringsnotat.
  They, and the committee's members, read every answer; sensitive ones only the department.
- Moderation is the idea boards' role (ideas.permissions.is_moderator): staff with the moderation role.
"""

import rules
from django.db.models import Q

from accounts.permissions import is_committee_member
from accounts.selectors import active_committee_memberships, department_ids_of, is_department_member
from ideas.permissions import is_moderator


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_hearing_department(user, hearing) -> bool:
    return hearing is not None and is_department_member(user=user, department_id=hearing.department_id)


@rules.predicate
def is_hearing_committee_member(user, hearing) -> bool:
    return hearing is not None and is_committee_member(user, hearing.committee)


@rules.predicate
def hearing_is_published(user, hearing) -> bool:
    return hearing is not None and hearing.published_at is not None


@rules.predicate
def hearing_is_open(user, hearing) -> bool:
    return hearing is not None and hearing.is_open


@rules.predicate
def is_answer_author(user, answer) -> bool:
    return answer is not None and user.is_authenticated and answer.author_id == user.id


@rules.predicate
def answer_is_public(user, answer) -> bool:
    return answer is not None and answer.is_published and answer.hearing.answers_are_public


@rules.predicate
def is_answer_department(user, answer) -> bool:
    return answer is not None and is_hearing_department(user, answer.hearing)


@rules.predicate
def is_answer_reader(user, answer) -> bool:
    """The committee reads every answer but the sensitive ones (those are the department's only)."""
    return answer is not None and not answer.contains_sensitive and is_hearing_committee_member(user, answer.hearing)


can_manage_hearing = is_administrator | is_hearing_department
can_view_hearing = hearing_is_published | can_manage_hearing | is_hearing_committee_member
can_read_all_answers = can_manage_hearing | is_hearing_committee_member
can_answer_hearing = is_logged_in & hearing_is_open
can_view_answer = answer_is_public | is_answer_author | is_answer_department | is_answer_reader | is_administrator
can_moderate_answers = is_moderator


# The queryset filters that mean the same as the predicates above, on Hearing (the lists use them; the pairs are
# checked against each other in tests/hearings/test_rule_pairs.py). Never `Q()` for "all": it vanishes in an OR.


def published_hearings_q() -> Q:
    """hearing_is_published."""
    return Q(published_at__isnull=False)


def managed_hearings_q(user) -> Q:
    """can_manage_hearing: her departments' hearings, drafts included; every hearing for an administrator."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if user.is_staff:
        return Q(pk__isnull=False)
    return Q(department_id__in=department_ids_of(user=user))


def visible_hearings_q(user) -> Q:
    """can_view_hearing: published, managed, or of a committee she sits on today."""
    if not user.is_authenticated:
        return published_hearings_q()
    committees = active_committee_memberships().filter(user_id=user.id).values("committee_id")
    return published_hearings_q() | managed_hearings_q(user) | Q(committee_id__in=committees)


rules.add_perm("hearings.manage_hearing", can_manage_hearing)
rules.add_perm("hearings.answer_hearing", can_answer_hearing)
rules.add_perm("hearings.moderate_answers", can_moderate_answers)
