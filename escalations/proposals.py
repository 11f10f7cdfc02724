"""Escalated themes as a source of proposals for a committee's agenda (listed in committees/sources.py;
see core/proposals.py).

An open escalation waits in its committee's queue; the agenda item starts with the theme's figures and
redacted excerpts; placed, it can no longer be dismissed or merged; when the minutes are out, the people
who agreed to hear are told the decision (escalations.services).
"""

from django.utils.translation import gettext as _

from core.proposals import AgendaEvent, Proposal, ProposalSource
from escalations import services
from escalations.models import Escalation
from escalations.selectors import escalation_summary, theme_page_url


class EscalationProposals(ProposalSource):
    kind = "theme"
    drafts_from_citizens_cases = True

    def proposals(self, *, committee_id: int) -> list[Proposal]:
        escalations = Escalation.objects.filter(
            committee_id=committee_id, status=Escalation.Status.OPEN
        ).select_related("theme", "committee")
        return [
            Proposal(
                kind=self.kind,
                object_id=escalation.id,
                title=_("Emnet »%(theme)s«") % {"theme": escalation.theme.name},
                text=escalation_summary(escalation),
                support_count=escalation.items,
                source_title=escalation.theme.name,
                proposed_at=escalation.detected_at,
                url=theme_page_url(escalation),
            )
            for escalation in escalations
        ]

    def draft(self, *, proposal: Proposal) -> str:
        return services.draft_for_agenda(proposal=proposal)

    def placed(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_placement(escalation_ids=object_ids, event=event)

    def withdrawn(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.withdraw_placement(escalation_ids=object_ids)

    def decided(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.tell_about_decision(escalation_ids=object_ids, event=event)
