"""Who may see and do what on the idea boards: the one place every door asks.

Role rules say *who* (PermissionDenied when broken); state rules say *when*
(a board that does not collect, a hidden idea, a comment too old to edit).
Services turn a broken state rule into a ValidationError with a clear message;
pages use the combined `can_*` rules to decide which buttons to show.
A rule a list also filters by has its queryset filter beside it (`visible_idea_q`, `readable_text_q`;
tests/ideas/test_rule_pairs.py asks both).
"""

from datetime import timedelta

import rules
from django.db.models import Q
from django.utils import timezone

from accounts.permissions import is_secretary_of

COMMENT_EDIT_WINDOW = timedelta(minutes=15)


# Roles


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def is_moderator(user) -> bool:
    """Staff with the moderation role moderate every board (and the hearings' answers); a committee role does not."""
    return user.is_authenticated and user.is_moderator


@rules.predicate
def is_board_secretary(user, board) -> bool:
    return board is not None and is_secretary_of(user, board.committee_id)


@rules.predicate
def is_idea_author(user, idea) -> bool:
    return idea is not None and user.is_authenticated and idea.author_id == user.id


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and user.is_authenticated and comment.author_id == user.id


@rules.predicate
def is_idea_board_secretary(user, idea) -> bool:
    return idea is not None and is_board_secretary(user, idea.board)


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


# States


@rules.predicate
def board_collects(user, board) -> bool:
    return board is not None and board.is_collecting


@rules.predicate
def idea_board_collects(user, idea) -> bool:
    return idea is not None and idea.board.is_collecting


@rules.predicate
def idea_is_visible(user, idea) -> bool:
    return idea is not None and not idea.is_hidden


def visible_idea_q(prefix: str = "") -> Q:
    """The filter idea_is_visible means, on Idea (or through `prefix`, e.g. "idea__")."""
    return Q(**{f"{prefix}hidden_at__isnull": True})


@rules.predicate
def idea_is_editable(user, idea) -> bool:
    """Text may change only until the idea becomes a proposal (supporters backed that text)."""
    return idea is not None and idea.status == idea.Status.PUBLISHED and idea.board.is_collecting


@rules.predicate
def idea_takes_comments(user, idea) -> bool:
    return idea is not None and not idea.is_hidden and idea.board.phase != idea.board.Phase.CLOSED


@rules.predicate
def idea_can_become_proposal(user, idea) -> bool:
    """Only an idea on a standalone board: a board another subject owns (a budget) decides for itself."""
    return idea is not None and idea.status == idea.Status.PUBLISHED and idea.board.standalone


@rules.predicate
def comment_within_edit_window(user, comment) -> bool:
    return comment is not None and not comment.is_hidden and timezone.now() - comment.created_at <= COMMENT_EDIT_WINDOW


# What the doors ask

can_create_idea = is_logged_in & board_collects
can_edit_idea = is_idea_author & idea_is_editable
can_support_idea = is_logged_in & idea_is_visible & idea_board_collects
can_comment_on_idea = is_logged_in & idea_takes_comments
can_edit_comment = is_comment_author & comment_within_edit_window
can_report = is_logged_in
can_moderate = is_moderator
can_see_hidden_text = is_moderator
can_pick_proposal = (is_moderator | is_idea_board_secretary) & idea_can_become_proposal
can_manage_board = is_administrator | is_board_secretary
can_set_idea_themes = is_moderator | is_idea_board_secretary
# A text search looks inside an idea's text only where the reader may read it: hidden text is for moderators.
can_search_idea_text = can_see_hidden_text | idea_is_visible


def readable_text_q(user) -> Q:
    """The filter can_search_idea_text means, on Idea."""
    return Q(pk__isnull=False) if can_see_hidden_text(user) else visible_idea_q()


rules.add_perm("ideas.create_idea", can_create_idea)
rules.add_perm("ideas.edit_idea", can_edit_idea)
rules.add_perm("ideas.support_idea", can_support_idea)
rules.add_perm("ideas.comment_on_idea", can_comment_on_idea)
rules.add_perm("ideas.edit_comment", can_edit_comment)
rules.add_perm("ideas.moderate", can_moderate)
rules.add_perm("ideas.pick_proposal", can_pick_proposal)
rules.add_perm("ideas.set_idea_themes", can_set_idea_themes)
