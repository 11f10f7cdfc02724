"""The demo committee follows a few themes, and the generated history makes one of them escalate.

Runs after the generated municipality (demo.municipality), whose last two weeks hold a burst of
complaints about roads; the escalation job then runs once, so the demo secretary finds the theme in
her queue and a notice about it, as she would after the hourly job.
"""

from accounts.models import Committee
from escalations.models import EscalationSettings
from escalations.services import escalate_themes, refresh_theme_counts
from themes.models import Theme

FOLLOWED = ("vej-og-trafik", "snerydning", "affald", "natur-og-miljo")


def seed() -> None:
    for committee in Committee.objects.filter(slug="projektudvalget-demokratieksperimentariet"):
        settings, created = EscalationSettings.objects.get_or_create(
            committee=committee, defaults={"threshold": 15, "window_days": 30}
        )
        if created:
            settings.themes.set(Theme.objects.filter(slug__in=FOLLOWED))
    escalate_themes()
    refresh_theme_counts()
