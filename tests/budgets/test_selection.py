"""Winner selection on hand-made cases: votes descending, skipping what no longer fits, ties by a stated rule."""

from budgets.selection import DOES_NOT_FIT, NO_VOTES, SELECTED, Candidate, select_winners


def outcomes(lines):
    return [(line.candidate.project_id, line.outcome, line.money_left_after) for line in lines]


def test_a_project_that_no_longer_fits_is_skipped_and_a_cheaper_one_after_it_still_wins():
    lines = select_winners(
        [Candidate(1, votes=90, cost=300), Candidate(2, votes=80, cost=250), Candidate(3, votes=70, cost=150)],
        total=500,
    )
    assert outcomes(lines) == [(1, SELECTED, 200), (2, DOES_NOT_FIT, 200), (3, SELECTED, 50)]


def test_ties_go_to_the_cheaper_project_then_the_earlier_one():
    lines = select_winners(
        [Candidate(7, votes=50, cost=300), Candidate(3, votes=50, cost=200), Candidate(5, votes=50, cost=200)],
        total=450,
    )
    assert [line.candidate.project_id for line in lines] == [3, 5, 7]
    assert outcomes(lines) == [(3, SELECTED, 250), (5, SELECTED, 50), (7, DOES_NOT_FIT, 50)]


def test_no_votes_no_selection_even_when_it_fits():
    lines = select_winners([Candidate(1, votes=3, cost=100), Candidate(2, votes=0, cost=1)], total=1000)
    assert outcomes(lines) == [(1, SELECTED, 900), (2, NO_VOTES, 900)]


def test_exactly_the_money_left_fits():
    lines = select_winners([Candidate(1, votes=2, cost=400), Candidate(2, votes=1, cost=100)], total=500)
    assert outcomes(lines) == [(1, SELECTED, 100), (2, SELECTED, 0)]


def test_ranks_are_consecutive():
    lines = select_winners([Candidate(i, votes=i, cost=10) for i in range(1, 6)], total=30)
    assert [line.rank for line in lines] == [1, 2, 3, 4, 5]
    assert [line.candidate.project_id for line in lines] == [5, 4, 3, 2, 1]
