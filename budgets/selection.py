"""How winners are chosen, written once: by votes, descending, skipping any project that no longer fits.

The way CONSUL and Aarhus do it: go down the list of feasible projects by their votes (online plus paper);
a project whose cost fits in the money still left is selected and its cost taken from it; one that does
not fit is skipped, and the next ones may still fit. Ties (equal votes) are broken by the lower municipal
cost first (so more of the money reaches projects), then by the earlier proposal (the lower project id).
A project with no votes is never selected.
"""

from dataclasses import dataclass

SELECTED, DOES_NOT_FIT, NO_VOTES = "selected", "does_not_fit", "no_votes"


@dataclass(frozen=True)
class Candidate:
    project_id: int
    votes: int
    cost: int


@dataclass(frozen=True)
class Line:
    rank: int
    candidate: Candidate
    outcome: str
    money_left_after: int


def select_winners(candidates: list[Candidate], *, total: int) -> list[Line]:
    """The whole result table, in rank order."""
    ordered = sorted(candidates, key=lambda c: (-c.votes, c.cost, c.project_id))
    left = total
    lines = []
    for rank, candidate in enumerate(ordered, start=1):
        if candidate.votes <= 0:
            outcome = NO_VOTES
        elif candidate.cost <= left:
            outcome = SELECTED
            left -= candidate.cost
        else:
            outcome = DOES_NOT_FIT
        lines.append(Line(rank=rank, candidate=candidate, outcome=outcome, money_left_after=left))
    return lines
