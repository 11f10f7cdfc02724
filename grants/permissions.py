"""Who may see and do what with grant pools and applications: the one place every door asks.

The public sees pools, rounds and the list of granted projects. An applicant sees and acts on her own
applications (and those of an association she belongs to are still hers: she made them). Only the pool's
reviewers see applications other than their own, and only once they are sent (never someone else's draft),
score them, ask for information and decide. Scores and notes are internal: the applicant never sees them.
Who sees an application has its queryset filter beside the predicate (`visible_applications_q`), which the
lists use (tests/grants/test_rule_pairs.py asks both).
"""

import rules
from django.db.models import Q

from grants.models import Application, Pool


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def is_pool_reviewer(user, pool) -> bool:
    return pool is not None and user.is_authenticated and pool.reviewers.filter(id=user.id).exists()


@rules.predicate
def is_application_reviewer(user, application) -> bool:
    return application is not None and is_pool_reviewer(user, application.round.pool)


def application_reviewer_q(user) -> Q:
    """The filter is_application_reviewer means, on Application (a subquery: no row twice for two reviewers)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(round__pool_id__in=Pool.objects.filter(reviewers=user.id).values("id"))


@rules.predicate
def is_applicant(user, application) -> bool:
    return application is not None and user.is_authenticated and application.applicant_id == user.id


def applicant_q(user) -> Q:
    """The filter is_applicant means, on Application."""
    return Q(applicant_id=user.id) if user.is_authenticated else Q(pk__in=[])


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


# States


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status == Application.Status.DRAFT


@rules.predicate
def awaits_information(user, application) -> bool:
    return application is not None and application.status == Application.Status.INFO_REQUESTED


@rules.predicate
def is_under_review(user, application) -> bool:
    return application is not None and application.status in (
        Application.Status.SUBMITTED,
        Application.Status.INFO_REQUESTED,
    )


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and application.status == Application.Status.SUBMITTED


@rules.predicate
def is_granted(user, application) -> bool:
    return application is not None and application.status in (
        Application.Status.GRANTED,
        Application.Status.PARTLY_GRANTED,
    )


# What the doors ask

can_see_application = is_applicant | (is_application_reviewer & ~is_draft)
can_edit_application = is_applicant & is_draft
can_withdraw_application = is_applicant & (is_draft | is_under_review)
can_answer_information_request = is_applicant & awaits_information
# A reviewer never reviews her own application (inhabilitet, forvaltningsloven § 3).
can_review_application = is_application_reviewer & ~is_applicant & is_under_review
can_decide_application = is_application_reviewer & ~is_applicant & is_submitted
can_report_on_application = is_applicant & is_granted
can_record_payout = is_application_reviewer & is_granted
can_see_scores = is_application_reviewer
can_review_pool = is_pool_reviewer
can_manage_pool = is_administrator


def visible_applications_q(user) -> Q:
    """The filter can_see_application means, on Application."""
    return applicant_q(user) | (application_reviewer_q(user) & ~Q(status=Application.Status.DRAFT))


rules.add_perm("grants.edit_application", can_edit_application)
rules.add_perm("grants.withdraw_application", can_withdraw_application)
rules.add_perm("grants.answer_information_request", can_answer_information_request)
rules.add_perm("grants.review_application", can_review_application)
rules.add_perm("grants.decide_application", can_decide_application)
rules.add_perm("grants.report_on_application", can_report_on_application)
rules.add_perm("grants.record_payout", can_record_payout)
rules.add_perm("grants.review_pool", can_review_pool)
