"""Every staff write on idea boards — moderation, themes, boards, proposals — leaves one row in the audit trail."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ideas import services
from tests.ideas.test_assisted_ideas import CITIZEN, IDEA
from tests.staff_actions import assert_recorded, last_action_id
from themes.models import Theme

pytestmark = pytest.mark.django_db

REASON = "Idéen nævner en navngiven nabo."


def _hide_idea(moderator, secretary, idea, other_citizen):
    return moderator, services.hide_idea(actor=moderator, idea=idea, reason=REASON)


def _unhide_idea(moderator, secretary, idea, other_citizen):
    services.hide_idea(actor=moderator, idea=idea, reason=REASON)
    return moderator, services.unhide_idea(actor=moderator, idea=idea)


def _hide_comment(moderator, secretary, idea, other_citizen):
    comment = services.post_comment(author=other_citizen, idea=idea, body="Min nabo er skyld i alt.")
    return moderator, services.hide_comment(actor=moderator, comment=comment, reason=REASON)


def _unhide_comment(moderator, secretary, idea, other_citizen):
    comment = services.post_comment(author=other_citizen, idea=idea, body="Min nabo er skyld i alt.")
    services.hide_comment(actor=moderator, comment=comment, reason=REASON)
    return moderator, services.unhide_comment(actor=moderator, comment=comment)


def _dismiss_report(moderator, secretary, idea, other_citizen):
    report = services.report_content(reporter=other_citizen, idea=idea, reason="Det er reklame for et busselskab.")
    services.dismiss_report(actor=moderator, report=report)
    return moderator, report


def _set_idea_themes(moderator, secretary, idea, other_citizen):
    theme = Theme.objects.create(name="Vej og trafik", slug="vej-og-trafik")
    return secretary, services.set_idea_themes(actor=secretary, idea=idea, themes=[theme])


def _create_board(moderator, secretary, idea, other_citizen):
    today = timezone.localdate()
    board = services.create_board(
        actor=secretary,
        committee=idea.board.committee,
        title="Grønne byrum",
        slug="groenne-byrum",
        opens_on=today,
        closes_on=today + timedelta(days=30),
        support_threshold=5,
    )
    return secretary, board


def _update_board(moderator, secretary, idea, other_citizen):
    return secretary, services.update_board(actor=secretary, board=idea.board, title="Valg – flere skal stemme")


def _propose_idea(moderator, secretary, idea, other_citizen):
    return moderator, services.propose_idea(actor=moderator, idea=idea)


CASES = {
    "ideas.hide_idea": _hide_idea,
    "ideas.unhide_idea": _unhide_idea,
    "ideas.hide_comment": _hide_comment,
    "ideas.unhide_comment": _unhide_comment,
    "ideas.dismiss_report": _dismiss_report,
    "ideas.set_idea_themes": _set_idea_themes,
    "ideas.create_board": _create_board,
    "ideas.update_board": _update_board,
    "ideas.propose_idea": _propose_idea,
}


@pytest.mark.parametrize("action", CASES)
def test_each_staff_service_writes_its_row(moderator, secretary, idea, other_citizen, action):
    mark = last_action_id()
    actor, target = CASES[action](moderator, secretary, idea, other_citizen)
    row = assert_recorded(since=mark, actor=actor, action=action, target=target)
    if action in ("ideas.hide_idea", "ideas.hide_comment"):
        assert row.details == {"reason": REASON}


def test_an_idea_written_for_a_citizen_writes_its_row(clerk, board):
    mark = last_action_id()
    idea, _code = services.create_idea_for_citizen(actor=clerk, board=board, **CITIZEN, **IDEA)
    assert_recorded(since=mark, actor=clerk, action="ideas.create_idea_for_citizen", target=idea)
    assert_recorded(since=mark, actor=clerk, action="accounts.create_stand_in", target=idea.author.stand_in)
