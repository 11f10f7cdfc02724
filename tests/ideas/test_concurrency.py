"""Supports under real concurrency: threads with their own PostgreSQL connections, clicking at once.

The threshold turns an idea into a proposal exactly once, and the count shown
is the number of people who support the idea, whatever the interleaving.
"""

import threading
from collections import Counter

import pytest
from django.db import connection

from ideas import services
from ideas.models import Idea, Support
from ideas.selectors import access_idea_by_id
from notifications.models import Email, Notice

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(actions) -> list[BaseException]:
    """Run each action in its own thread (own DB connection), released together by a barrier."""
    barrier = threading.Barrier(len(actions))
    errors: list[BaseException] = []

    def worker(action):
        try:
            barrier.wait()
            action()
        except BaseException as error:  # collected and asserted on in the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_threshold_crossed_by_concurrent_supports_makes_exactly_one_proposal(board, idea, citizens):
    board.support_threshold = 5
    board.save()
    supporters = citizens(16)

    errors = run_at_once([lambda user=user: services.support_idea(user=user, idea=idea) for user in supporters])

    assert errors == []
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    assert idea.proposal_source == Idea.ProposalSource.THRESHOLD
    assert Support.objects.filter(idea=idea).count() == 16
    # Told once: one notice and one e-mail per person who was a contributor when it crossed, never two.
    notices = Counter(
        Notice.objects.filter(dedupe_key__startswith=f"idea-proposed-{idea.id}-").values_list("user_id", flat=True)
    )
    emails = Counter(
        Email.objects.filter(dedupe_key__startswith=f"idea-proposed-{idea.id}-").values_list("recipient_id", flat=True)
    )
    assert notices and set(notices.values()) == {1}
    assert emails == notices
    assert idea.author_id in notices
    # The contributors at the moment of crossing: the author and the first five supporters.
    assert len(notices) == 1 + 5


def test_count_is_right_under_concurrent_clicks(board, idea, citizens):
    board.support_threshold = 100
    board.save()
    people = citizens(8)
    leaving = people[:3]
    # Everyone clicks "support" twice at once; three of them also withdraw at the same moment.
    actions = [lambda user=user: services.support_idea(user=user, idea=idea) for user in people for _ in range(2)]
    errors = run_at_once(actions)
    assert errors == []
    assert access_idea_by_id(user=people[0], idea_id=idea.id).support_count == 8

    actions = [lambda user=user: services.withdraw_support(user=user, idea=idea) for user in leaving for _ in range(2)]
    actions += [lambda user=user: services.support_idea(user=user, idea=idea) for user in people[3:]]
    errors = run_at_once(actions)
    assert errors == []
    assert access_idea_by_id(user=people[0], idea_id=idea.id).support_count == 5
    assert Support.objects.filter(idea=idea).count() == 5


def test_withdrawing_and_supporting_around_the_threshold_never_proposes_twice(board, idea, citizens):
    first, second, third, fourth = citizens(4)
    services.support_idea(user=first, idea=idea)
    services.support_idea(user=second, idea=idea)

    errors = run_at_once(
        [
            lambda: services.support_idea(user=third, idea=idea),
            lambda: services.withdraw_support(user=first, idea=idea),
            lambda: services.support_idea(user=fourth, idea=idea),
            lambda: services.withdraw_support(user=second, idea=idea),
        ]
    )
    assert errors == []
    errors = run_at_once([lambda user=user: services.support_idea(user=user, idea=idea) for user in (first, second)])
    assert errors == []

    idea.refresh_from_db()
    proposals_told = Notice.objects.filter(user=idea.author, dedupe_key__startswith=f"idea-proposed-{idea.id}-")
    assert proposals_told.count() == (1 if idea.status == Idea.Status.PROPOSED else 0)
    # All four support it in the end: 4 >= 3, so it is a proposal, told once.
    assert idea.status == Idea.Status.PROPOSED
    assert proposals_told.count() == 1
