"""What a committee's agenda needs from whatever proposes something to it (ideas, escalated themes, ...).

The committees app sits above the apps that propose (the subjects): it imports their source objects, listed
in `committees/sources.py`, and they never import committees. What passes between them is defined here,
below both: a `Proposal` going up, an `AgendaEvent` coming back down.

A source is one object per kind of proposal (`kind` is one of `committees.models.AgendaItemSource.Kind`):

- `proposals(committee_id=...)`: its proposals waiting for the committee's agenda;
- `draft(proposal=...)`: the Beskrivelse af sagen an agenda item starts with (in Danish; the caller
  sets the language);
- `files(proposal=...)`: documents the new agenda item gets as Bilag (a hearing's høringsnotat as a PDF);
- `placed`, `withdrawn`, `agenda_published`, `decided` (each with `object_ids=[...]` and an `AgendaEvent`):
  what happened to its proposals on the agenda, called inside the committee's transaction. The default
  does nothing; a source overrides what it needs to hear;
- `agenda_warnings(items=[AgendaItemFacts, ...])`: what the secretary must see before she publishes a planned
  agenda (a council that has a duty to be heard on an item's theme but was not); she may publish anyway with a
  reason, which the committee records against the warning's `code`.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Proposal:
    """Something proposed for a committee's agenda, whatever it came from."""

    kind: str
    object_id: int
    title: str
    text: str
    support_count: int
    source_title: str
    proposed_at: datetime
    url: str
    theme_ids: tuple[int, ...] = ()  # the item placed from it starts with these themes


@dataclass(frozen=True)
class ProposalFile:
    """A document a source hands the agenda item placed from its proposal, as a Bilag."""

    title: str
    file_name: str
    content: bytes


@dataclass(frozen=True)
class AgendaItemFacts:
    """What a source may check about an item of a planned agenda (no committee objects)."""

    item_id: int
    title: str
    theme_ids: frozenset[int]
    sources: frozenset[tuple[str, int]]  # (kind, object_id) of the proposals the item came from


@dataclass(frozen=True)
class AgendaWarning:
    """Something the secretary must see before publishing; `code` names the rule, stable across reads."""

    item_id: int
    code: str
    message: str


@dataclass(frozen=True)
class AgendaEvent:
    """The agenda item a source's proposals are on, as the source may know it (no committee objects)."""

    item_id: int
    committee_id: int
    committee_name: str
    committee_short_name: str  # as the minutes write it (the name when there is no short one)
    meeting_start: datetime
    url: str  # absolute link to the item in the agenda or minutes
    decision: str = ""
    outcome: str = ""  # committees.models.AgendaItem.Outcome value, once decided


class ProposalSource:
    """Base of every source: override `proposals` and `draft`, and the events the source needs to hear."""

    kind: str = ""
    # A draft made from what citizens wrote to their caseworkers (complaints) may still hold a detail that
    # identifies someone: its item starts closed to the public until the secretary has read it and opens it.
    drafts_from_citizens_cases: bool = False

    def proposals(self, *, committee_id: int) -> list[Proposal]:
        raise NotImplementedError

    def draft(self, *, proposal: Proposal) -> str:
        raise NotImplementedError

    def files(self, *, proposal: Proposal) -> list[ProposalFile]:
        """Bilag for the item placed from the proposal (none by default)."""
        return []

    def agenda_warnings(self, *, items: list[AgendaItemFacts]) -> list[AgendaWarning]:
        """Warnings about a planned agenda's items (none by default)."""
        return []

    def placed(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        """The proposals were put on a planned agenda (not public yet)."""

    def withdrawn(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        """Their item was taken off the planned agenda: the proposals are back in the committee's queue."""

    def agenda_published(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        """The agenda with their item is public."""

    def decided(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        """The minutes with the item's decision (`event.decision`, `event.outcome`) are public."""
