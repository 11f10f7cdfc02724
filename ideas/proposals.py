"""Ideas as a source of proposals for a committee's agenda (listed in committees/sources.py; see core/proposals.py).

An idea that gathered its board's support, or that staff picked, waits in its board committee's queue; the
agenda item starts with its words quoted; when the agenda or the minutes are published, its author and
supporters are told (ideas.services).
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.proposals import AgendaEvent, Proposal, ProposalSource
from ideas.selectors import proposals_for_committee
from ideas.services import mark_ideas_on_agenda, record_committee_decision
from notifications.services import absolute_url


class IdeaProposals(ProposalSource):
    kind = "idea"

    def proposals(self, *, committee_id: int) -> list[Proposal]:
        return [
            Proposal(
                kind=self.kind,
                object_id=idea.id,
                title=idea.title,
                text=idea.body,
                support_count=idea.support_count,
                source_title=idea.board.title,
                proposed_at=idea.proposed_at or idea.created_at,
                url=reverse("ideas:idea", args=[idea.id]),
            )
            for idea in proposals_for_committee(committee_id=committee_id)
        ]

    def draft(self, *, proposal: Proposal) -> str:
        """Where the idea comes from, its support, and its words quoted."""
        return _(
            "Forslaget er stillet på idétavlen »%(source)s« den %(date)s og er støttet af %(count)d borgere.\n\n"
            "Forslaget lyder:\n\n»%(text)s«\n\n"
            "Forslaget kan læses på %(url)s"
        ) % {
            "source": proposal.source_title,
            "date": formats.date_format(timezone.localtime(proposal.proposed_at), "DATE_FORMAT"),
            "count": proposal.support_count,
            "text": proposal.text.strip(),
            "url": absolute_url(proposal.url),
        }

    def agenda_published(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        mark_ideas_on_agenda(idea_ids=object_ids, agenda_url=event.url)

    def decided(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        record_committee_decision(
            idea_ids=object_ids,
            decision=event.decision,
            outcome=event.outcome,
            url=event.url,
            decided_at=event.meeting_start,
        )
