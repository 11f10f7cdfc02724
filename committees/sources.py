"""Every source of proposals for a committee's agenda, in one list: who proposes, and who hears what became of it.

A source is one object per kind of proposal (the interface is `core.proposals.ProposalSource`): it lists its
proposals for a committee, drafts the agenda item's Beskrivelse, and hears when its proposals are placed on an
agenda, taken off it, published on an agenda, and decided in published minutes. Committees sits above the
sources' apps: this module imports them; they never import committees. A new kind of proposal adds its
`AgendaItemSource.Kind` and its source object below (CONTRIBUTING.md, "Proposing to a committee").
"""

from collections.abc import Iterable, Iterator

from budgets.proposals import BudgetResultProposals
from committees.models import AgendaItem, AgendaItemSource
from core.proposals import AgendaEvent, ProposalSource
from escalations.proposals import EscalationProposals
from hearings.proposals import HearingProposals
from ideas.proposals import IdeaProposals
from notifications.services import absolute_url

SOURCES: tuple[ProposalSource, ...] = (
    IdeaProposals(),  # ideas that gathered their board's support, or that staff picked
    EscalationProposals(),  # themes escalated to the committee by the hourly job
    BudgetResultProposals(),  # the published results of a participatory budget
    HearingProposals(),  # concluded hearings with their høringsnotat; warns of councils not heard
)

_BY_KIND = {source.kind: source for source in SOURCES}


def source_of(kind: str) -> ProposalSource:
    return _BY_KIND[kind]


def agenda_event(item: AgendaItem) -> AgendaEvent:
    """What a source learns about the item its proposals are on."""
    committee = item.meeting.committee
    return AgendaEvent(
        item_id=item.id,
        committee_id=committee.id,
        committee_name=committee.name,
        committee_short_name=committee.short_name or committee.name,
        meeting_start=item.meeting.start,
        url=absolute_url(f"{item.meeting.get_absolute_url()}#punkt-{item.id}"),
        decision=item.decision,
        outcome=item.outcome,
    )


def proposals_on(items: Iterable[AgendaItem]) -> Iterator[tuple[ProposalSource, AgendaEvent, list[int]]]:
    """For each item that came from proposals: their source, the item as an event, and the proposals' ids."""
    by_id = {item.id: item for item in items}
    grouped: dict[tuple[str, int], list[int]] = {}
    for row in AgendaItemSource.objects.filter(item_id__in=by_id).order_by("item_id", "kind", "id"):
        grouped.setdefault((row.kind, row.item_id), []).append(row.object_id)
    for (kind, item_id), object_ids in grouped.items():
        yield source_of(kind), agenda_event(by_id[item_id]), object_ids
