"""Who may see and handle escalated themes: the committee's members read, its secretary acts.

Built on the membership rules of accounts.permissions, so a membership that has ended counts for nothing here too.
"""

import rules

from accounts.permissions import is_committee_secretary, is_member_of, is_secretary_of


@rules.predicate
def is_escalation_member(user, escalation) -> bool:
    return escalation is not None and is_member_of(user, escalation.committee_id)


@rules.predicate
def is_escalation_secretary(user, escalation) -> bool:
    return escalation is not None and is_secretary_of(user, escalation.committee_id)


can_manage_escalations = is_committee_secretary
can_view_escalation = is_escalation_member
can_handle_escalation = is_escalation_secretary

rules.add_perm("escalations.manage_escalations", can_manage_escalations)
rules.add_perm("escalations.handle_escalation", can_handle_escalation)
