from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EscalationsConfig(AppConfig):
    name = "escalations"
    verbose_name = _("Eskalerede emner")

    def ready(self) -> None:
        """Join the committees' proposal queue as a source: escalated themes are proposed like ideas."""
        from committees.models import AgendaItemSource
        from committees.selectors import PROPOSAL_SOURCES
        from committees.services import DECISION_LISTENERS, DRAFTS
        from escalations.selectors import escalation_proposals
        from escalations.services import draft_for_agenda, tell_about_decision

        PROPOSAL_SOURCES[AgendaItemSource.Kind.THEME] = escalation_proposals
        DRAFTS[AgendaItemSource.Kind.THEME] = draft_for_agenda
        DECISION_LISTENERS[AgendaItemSource.Kind.THEME] = tell_about_decision
