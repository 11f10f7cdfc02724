"""Concluded hearings as a source of proposals for their committee's agenda (listed in committees/sources.py; see
core/proposals.py).

A hearing whose høringsnotat is published waits in its committee's queue; the agenda item's Beskrivelse af sagen
refers to the notat, and the notat's PDF becomes the item's Bilag (so the OParl Paper carries it). The hearing
keeps its own record of the item; when the minutes are out, every answerer who agreed to hear is told.

The source also holds the councils' duty to be heard (`CouncilDuty`): an item of a planned agenda with a theme a
council must be heard on, and no hearing of that council attached, gets a warning before the agenda is published.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.proposals import AgendaEvent, AgendaItemFacts, AgendaWarning, Proposal, ProposalFile, ProposalSource
from hearings import services
from hearings.documents import note_pdf, note_title
from hearings.models import AgendaStatus, Hearing
from hearings.selectors import answer_counts, concluded_for_committee, councils_invited_to, duties_for_themes


class HearingProposals(ProposalSource):
    kind = "hearing"

    def proposals(self, *, committee_id: int) -> list[Proposal]:
        return [
            Proposal(
                kind=self.kind,
                object_id=hearing.id,
                title=hearing.title,
                text=hearing.summary,
                support_count=answer_counts(hearing=hearing).total,
                source_title=_("Høring"),
                proposed_at=hearing.concluded_at,
                url=reverse("hearings:hearing", args=[hearing.id]),
                theme_ids=tuple(hearing.themes.values_list("id", flat=True)),
            )
            for hearing in concluded_for_committee(committee_id=committee_id)
        ]

    def draft(self, *, proposal: Proposal) -> str:
        return services.draft_for_agenda(hearing_id=proposal.object_id)

    def files(self, *, proposal: Proposal) -> list[ProposalFile]:
        hearing = Hearing.objects.select_related("committee", "department").get(id=proposal.object_id)
        with translation.override(settings.LANGUAGE_CODE):  # the agenda is written in Danish
            title = note_title(hearing)
        content = note_pdf(hearing, language=settings.LANGUAGE_CODE)
        return [ProposalFile(title=title[:200], file_name=f"hoeringsnotat-{hearing.id}.pdf", content=content)]

    def placed(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(hearing_ids=object_ids, status=AgendaStatus.PLACED)

    def withdrawn(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(hearing_ids=object_ids, status=AgendaStatus.NONE)

    def agenda_published(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(hearing_ids=object_ids, status=AgendaStatus.ON_AGENDA, url=event.url)

    def decided(self, *, object_ids: list[int], event: AgendaEvent) -> None:
        services.record_agenda_state(
            hearing_ids=object_ids, status=AgendaStatus.DECIDED, url=event.url, decision=event.decision
        )
        services.tell_answerers_decided(hearing_ids=object_ids, decision=event.decision, url=event.url)

    def agenda_warnings(self, *, items: list[AgendaItemFacts]) -> list[AgendaWarning]:
        """A council with a duty on one of the item's themes, and no hearing of it attached to the item."""
        all_themes = set().union(*(item.theme_ids for item in items)) if items else set()
        duties = list(duties_for_themes(theme_ids=all_themes).prefetch_related("themes"))
        warnings = []
        for item in items:
            heard = councils_invited_to(hearing_ids={oid for kind, oid in item.sources if kind == self.kind})
            for duty in duties:
                themes = [theme for theme in duty.themes.all() if theme.id in item.theme_ids]
                if themes and duty.council_id not in heard:
                    message = _(
                        "%(council)s er ikke hørt. %(rule)s%(basis)s. Punktet handler om %(themes)s, men ingen "
                        "høring af %(council)s er knyttet til det."
                    ) % {
                        "council": duty.council.name,
                        "rule": duty.rule.rstrip("."),
                        "basis": f" ({duty.legal_basis})" if duty.legal_basis else "",
                        "themes": ", ".join(theme.name for theme in themes),
                    }
                    warnings.append(
                        AgendaWarning(item_id=item.item_id, code=f"council-duty-{duty.id}", message=message)
                    )
        return warnings
