"""Who may see and do what with meetings, agendas and attachments: the one place every door asks.

- The public reads published agendas and minutes: open items and attachments not marked internal.
- The committee's members (chair, members, secretary) also read drafts, closed items and internal attachments.
- Only the committee's secretary edits its meetings and agendas.

Membership counts while it runs (between its start and end dates): accounts.permissions.
"""

import rules

from accounts.permissions import is_committee_member, is_committee_secretary, is_member_of, is_secretary_of


@rules.predicate
def is_meeting_member(user, meeting) -> bool:
    return meeting is not None and is_member_of(user, meeting.committee_id)


@rules.predicate
def is_meeting_secretary(user, meeting) -> bool:
    return meeting is not None and is_secretary_of(user, meeting.committee_id)


@rules.predicate
def agenda_is_published(user, meeting) -> bool:
    return meeting is not None and meeting.agenda_is_published


@rules.predicate
def minutes_are_published(user, meeting) -> bool:
    return meeting is not None and meeting.minutes_are_published


@rules.predicate
def is_item_member(user, item) -> bool:
    return item is not None and is_member_of(user, item.committee_id)


@rules.predicate
def is_item_secretary(user, item) -> bool:
    return item is not None and is_secretary_of(user, item.committee_id)


@rules.predicate
def item_is_public_on_published_agenda(user, item) -> bool:
    return item is not None and item.is_public and item.meeting.agenda_is_published


@rules.predicate
def attachment_is_public(user, attachment) -> bool:
    return (
        attachment is not None
        and not attachment.is_internal
        and item_is_public_on_published_agenda(user, attachment.item)
    )


@rules.predicate
def is_attachment_member(user, attachment) -> bool:
    return attachment is not None and is_member_of(user, attachment.item.committee_id)


# A meeting's date and place are public from the moment it is planned; its agenda once published.
can_view_agenda = agenda_is_published | is_meeting_member
can_view_decisions = minutes_are_published | is_meeting_member
can_manage_meeting = is_meeting_secretary
can_view_proposals = is_committee_member
can_manage_committee = is_committee_secretary
can_view_item = item_is_public_on_published_agenda | is_item_member
can_edit_item = is_item_secretary
can_view_attachment = attachment_is_public | is_attachment_member

rules.add_perm("committees.view_agenda", can_view_agenda)
rules.add_perm("committees.view_decisions", can_view_decisions)
rules.add_perm("committees.manage_meeting", can_manage_meeting)
rules.add_perm("committees.view_proposals", can_view_proposals)
rules.add_perm("committees.manage_committee", can_manage_committee)
rules.add_perm("committees.edit_item", can_edit_item)
