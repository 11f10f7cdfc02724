"""What of an idea is shown, and what a text search may look inside, is written once, in ideas.permissions:
idea_is_visible with visible_idea_q, can_search_idea_text with readable_text_q. Here they are asked about shown
and hidden ideas, for every kind of person, so the board's search (search_ideas) cannot find a hidden idea by
its hidden text for someone who may not read it."""

import pytest

from ideas import selectors, services
from ideas.permissions import can_search_idea_text, idea_is_visible, readable_text_q, visible_idea_q
from tests.rule_pairs import Pair, allowed, assert_pairs_agree


@pytest.fixture
def ideas(board, citizen, other_citizen, moderator):
    """Two shown and two hidden ideas, all about bicycles (the search word)."""
    made = [
        services.create_idea(author=author, board=board, title=f"Cykelsti {n}", body="Flere cykelstier til skolen.")
        for n, author in enumerate((citizen, other_citizen, citizen, other_citizen))
    ]
    for idea in made[2:]:
        services.hide_idea(actor=moderator, idea=idea, reason="Personlige oplysninger om en nabo.")
    return [type(idea).objects.get(id=idea.id) for idea in made]


def test_each_predicate_and_its_filter_say_the_same_for_everyone(ideas, everyone):
    assert_pairs_agree(
        ideas,
        everyone,
        Pair(idea_is_visible, lambda user: visible_idea_q()),
        Pair(can_search_idea_text, readable_text_q, [lambda user: selectors.search_ideas(user=user, query="cykel")]),
    )


def test_the_rule_itself(ideas, everyone):
    shown = {idea.id for idea in ideas[:2]}
    assert allowed(can_search_idea_text, everyone["moderator"], ideas) == {idea.id for idea in ideas}
    for who in ("anonymous", "citizen", "another citizen", "the committee's secretary"):
        assert allowed(can_search_idea_text, everyone[who], ideas) == shown, who
