"""A budget's published results as a source of proposals for its committee's agenda (listed in
committees/sources.py; see core/proposals.py).

Once the results are published, the budget waits in its committee's queue; the agenda item starts with
the full result table in its Beskrivelse af sagen; the budget keeps its own record of where the item is
and, once the minutes are out, what the committee decided.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from budgets import services
from budgets.models import AgendaStatus, Budget
from core.proposals import AgendaEvent, Proposal, ProposalSource


class BudgetResultProposals(ProposalSource):
    kind = "budget"

    def proposals(self, *, committee_id: int) -> list[Proposal]:
        budgets = Budget.objects.filter(
            committee_id=committee_id, results_published_at__isnull=False, agenda_status=""
        ).order_by("results_published_at")
        return [
            Proposal(
                kind=self.kind,
                object_id=budget.id,
                title=_("Resultatet af %(title)s") % {"title": budget.title},
                text=budget.description,
                support_count=budget.ballots.count(),
                source_title=budget.title,
                proposed_at=budget.results_published_at,
                url=reverse("budgets:budget", args=[budget.slug]),
            )
            for budget in budgets
        ]

    def draft(self, *, proposal: Proposal) -> str:
        return services.draft_for_agenda(budget_id=proposal.object_id)

    def placed(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(budget_ids=object_ids, status=AgendaStatus.PLACED)

    def withdrawn(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(budget_ids=object_ids, status="")

    def agenda_published(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(budget_ids=object_ids, status=AgendaStatus.ON_AGENDA, url=event.url)

    def decided(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(
            budget_ids=object_ids, status=AgendaStatus.DECIDED, url=event.url, decision=event.decision
        )
