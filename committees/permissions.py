"""Who may see and do what with meetings, agendas and attachments: the one place every door asks.

- The public reads published agendas and minutes: open items and attachments not marked internal.
- The committee's members (chair, members, secretary) also read drafts, closed items and internal attachments.
- Only the committee's secretary edits its meetings and agendas.

Membership counts while it runs (between its start and end dates): accounts.permissions.
"""

import rules
from django.db.models import Q

from accounts.permissions import is_committee_member, is_committee_secretary, is_member_of, is_secretary_of
from committees.models import Meeting


@rules.predicate
def is_meeting_member(user, meeting) -> bool:
    return meeting is not None and is_member_of(user, meeting.committee_id)


@rules.predicate
def is_meeting_secretary(user, meeting) -> bool:
    return meeting is not None and is_secretary_of(user, meeting.committee_id)


# --- What the public sees: each predicate with the queryset filter that means the same -------------------
# (tests/committees/test_public_rule.py checks each pair over every state of a meeting)


@rules.predicate
def agenda_is_published(user, meeting) -> bool:
    return meeting is not None and meeting.agenda_is_published


def published_agenda_q(prefix: str = "") -> Q:
    """The filter agenda_is_published means (Meeting.agenda_is_published: past planning), on Meeting or, with
    `prefix` ("meeting__"), on what points to one."""
    return ~Q(**{f"{prefix}status": Meeting.Status.PLANNED})


@rules.predicate
def minutes_are_published(user, meeting) -> bool:
    return meeting is not None and meeting.minutes_are_published


def published_minutes_q(prefix: str = "") -> Q:
    """The filter minutes_are_published means (Meeting.minutes_are_published), on Meeting or with `prefix`."""
    return Q(**{f"{prefix}status": Meeting.Status.MINUTES_PUBLISHED})


@rules.predicate
def is_item_member(user, item) -> bool:
    return item is not None and is_member_of(user, item.committee_id)


@rules.predicate
def is_item_secretary(user, item) -> bool:
    return item is not None and is_secretary_of(user, item.committee_id)


@rules.predicate
def item_is_public_on_published_agenda(user, item) -> bool:
    return item is not None and item.is_public and agenda_is_published(user, item.meeting)


def public_item_q(prefix: str = "") -> Q:
    """The filter item_is_public_on_published_agenda means, on AgendaItem (or, with `prefix` "item__", on what
    points to one)."""
    return Q(**{f"{prefix}is_public": True}) & published_agenda_q(f"{prefix}meeting__")


@rules.predicate
def attachment_is_public(user, attachment) -> bool:
    return (
        attachment is not None
        and not attachment.is_internal
        and item_is_public_on_published_agenda(user, attachment.item)
    )


def public_attachment_q() -> Q:
    """The filter attachment_is_public means, on Attachment."""
    return Q(is_internal=False) & public_item_q("item__")


# --- Members and secretaries ----------------------------------------------------------------------------


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
