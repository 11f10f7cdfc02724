"""Escalating themes to committees, handling the escalations, and telling people what was decided.

The hourly job counts, per committee and followed theme, the complaints and ideas of the rolling window
(the last W days) and of the window before. A theme escalates when

- at least N of the window's complaints and ideas are new: not counted in an earlier escalation of the
  theme for this committee; or
- the window shows a clear rise: at least N complaints and ideas, some of them new, and at least
  `rise_factor` times as many as the window before.

So a theme never escalates on fewer than N. Each escalation belongs to the W-day period (counted from
1 January 2000) in which it is detected, and a unique constraint on committee, theme and period makes
a second escalation in the same period impossible, however many jobs run at once.
"""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Committee, User
from accounts.selectors import committee_secretaries
from accounts.services import record_staff_action
from complaints.selectors import citizens_to_tell_about_themes
from complaints.selectors import theme_activity as complaint_activity
from core.proposals import AgendaEvent, Proposal
from escalations.models import Escalation, EscalationSettings, ThemeCounts
from escalations.permissions import can_handle_escalation, can_manage_escalations
from escalations.selectors import (
    WEEKS_SHOWN,
    count_themes,
    escalation_summary,
    theme_overview,
    theme_page_url,
    themes_of,
)
from ideas.selectors import authors_to_tell_about_themes
from ideas.selectors import theme_activity as idea_activity
from notifications.services import absolute_url, tell
from themes.models import Theme

PERIODS_FROM = date(2000, 1, 1)
REFRESH_LOCK = 5_202_612  # pg advisory lock: one refresh of the theme counts at a time


def window_start(day: date, window_days: int) -> date:
    """The first day of the `window_days`-long period that `day` falls in (periods run from 1 January 2000)."""
    return PERIODS_FROM + timedelta(days=(day - PERIODS_FROM).days // window_days * window_days)


def _followed(committee_settings: EscalationSettings, active: set[int]) -> set[int]:
    chosen = {theme.id for theme in committee_settings.themes.all()}
    return chosen & active if chosen else active


def escalate_themes(*, now: datetime | None = None) -> list[Escalation]:
    """Create the escalations due now, and tell the committees' secretaries. Safe to run twice, or at once."""
    now = now or timezone.now()
    all_settings = list(EscalationSettings.objects.select_related("committee").prefetch_related("themes"))
    if not all_settings:
        return []
    since = now - timedelta(days=2 * max(s.window_days for s in all_settings))
    received: dict[str, dict[int, list[datetime]]] = {"complaints": defaultdict(list), "ideas": defaultdict(list)}
    for source, activity in (("complaints", complaint_activity), ("ideas", idea_activity)):
        for theme_id, at in activity(since=since):
            received[source][theme_id].append(at)
    last_detected = {
        (row["committee_id"], row["theme_id"]): row["last"]
        for row in Escalation.objects.values("committee_id", "theme_id").annotate(last=Max("detected_at"))
    }
    active = set(Theme.objects.filter(active=True).values_list("id", flat=True))
    created = []
    for committee_settings in all_settings:
        for theme_id in sorted(_followed(committee_settings, active)):
            escalation = _escalation_due(
                committee_settings,
                theme_id,
                now=now,
                complaints=received["complaints"][theme_id],
                ideas=received["ideas"][theme_id],
                last=last_detected.get((committee_settings.committee_id, theme_id)),
            )
            if escalation is None:
                continue
            try:
                with transaction.atomic():
                    escalation.save()
                    _tell_secretaries(escalation)
            except IntegrityError:  # this period's escalation exists already (another job was first)
                continue
            created.append(escalation)
    return created


def _escalation_due(
    committee_settings: EscalationSettings,
    theme_id: int,
    *,
    now: datetime,
    complaints: list[datetime],
    ideas: list[datetime],
    last: datetime | None,
) -> Escalation | None:
    window = timedelta(days=committee_settings.window_days)
    start, before = now - window, now - 2 * window
    in_window = [at for at in [*complaints, *ideas] if start < at <= now]
    previous = sum(before < at <= start for at in [*complaints, *ideas])
    new = sum(last is None or at > last for at in in_window)
    threshold = committee_settings.threshold
    if new >= threshold:
        reason = Escalation.Reason.THRESHOLD
    elif (
        new and previous and len(in_window) >= threshold and len(in_window) >= committee_settings.rise_factor * previous
    ):
        reason = Escalation.Reason.RISE
    else:
        return None
    return Escalation(
        committee=committee_settings.committee,
        theme_id=theme_id,
        window_start=window_start(timezone.localtime(now).date(), committee_settings.window_days),
        detected_at=now,
        window_days=committee_settings.window_days,
        new_items=new,
        complaints=sum(start < at <= now for at in complaints),
        ideas=sum(start < at <= now for at in ideas),
        previous=previous,
        reason=reason,
    )


ESCALATED_TITLE = gettext_lazy("Emnet »%(theme)s« er eskaleret til %(committee)s")
DECIDED_TITLE = gettext_lazy("%(committee)s har behandlet emnet »%(themes)s«")


def _tell_secretaries(escalation: Escalation) -> None:
    url = theme_page_url(escalation)
    for secretary in committee_secretaries(committee_id=escalation.committee_id):
        with translation.override(secretary.language):
            summary = escalation_summary(escalation)  # the notice's text, and the e-mail's
        tell(
            user=secretary,
            title=ESCALATED_TITLE,
            values={
                "theme": escalation.theme.name,
                "committee": escalation.committee.short_name or escalation.committee.name,
            },
            body=summary,
            url=url,
            template="escalations/email/escalated.txt",
            context={"escalation": escalation, "summary": summary, "url": url},
            key=f"escalated-{escalation.id}-{secretary.id}",
        )


def _lock_open(escalation: Escalation) -> Escalation:
    locked = Escalation.objects.select_for_update().select_related("committee", "theme").get(id=escalation.id)
    if locked.status == Escalation.Status.ON_AGENDA:
        raise ValidationError({"escalation": _("Emnet er sat på en dagsorden.")})
    if locked.status != Escalation.Status.OPEN:
        status = locked.get_status_display()
        raise ValidationError({"escalation": _("Emnet er allerede behandlet: %(status)s.") % {"status": status}})
    return locked


def dismiss_escalation(*, actor: User, escalation: Escalation, reason: str) -> Escalation:
    """The secretary dismisses an escalation, with a reason the committee can read."""
    if not can_handle_escalation(actor, escalation):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv, hvorfor emnet ikke skal på dagsordenen.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Begrundelsen må højst være på 2000 tegn.")})
    with transaction.atomic():
        escalation = _lock_open(escalation)
        escalation.status = Escalation.Status.DISMISSED
        escalation.dismissed_reason = reason
        escalation.handled_by, escalation.handled_at = actor, timezone.now()
        escalation.save(update_fields=["status", "dismissed_reason", "handled_by", "handled_at", "updated_at"])
        record_staff_action(
            actor=actor, action="escalations.dismiss_escalation", target=escalation, details={"reason": reason}
        )
    return escalation


def merge_escalation(*, actor: User, escalation: Escalation, into: Escalation) -> Escalation:
    """Merge an escalation into another open one of the same committee: they go on the agenda together."""
    if not can_handle_escalation(actor, escalation):
        raise PermissionDenied
    if into.committee_id != escalation.committee_id or into.id == escalation.id:
        raise ValidationError({"into": _("Vælg et andet eskaleret emne fra samme udvalg.")})
    with transaction.atomic():
        first, second = sorted([escalation, into], key=lambda e: e.id)  # lock in id order: no deadlock
        locked = {e.id: _lock_open(e) for e in (first, second)}
        escalation, into = locked[escalation.id], locked[into.id]
        now = timezone.now()
        # What was merged into this one follows it, so a merge is always one level deep.
        Escalation.objects.filter(merged_into=escalation).update(merged_into=into, updated_at=now)
        escalation.status = Escalation.Status.MERGED
        escalation.merged_into = into
        escalation.handled_by, escalation.handled_at = actor, now
        escalation.save(update_fields=["status", "merged_into", "handled_by", "handled_at", "updated_at"])
        record_staff_action(
            actor=actor, action="escalations.merge_escalation", target=escalation, details={"into": into.id}
        )
    return escalation


def update_settings(
    *, actor: User, committee: Committee, threshold: int, window_days: int, rise_factor: float, themes: list[Theme]
) -> EscalationSettings:
    """The committee's secretary sets when themes escalate to the committee."""
    if not can_manage_escalations(actor, committee):
        raise PermissionDenied
    with transaction.atomic():
        committee_settings, _created = EscalationSettings.objects.select_for_update().get_or_create(committee=committee)
        committee_settings.threshold = threshold
        committee_settings.window_days = window_days
        committee_settings.rise_factor = rise_factor
        committee_settings.full_clean(exclude=["committee"])
        committee_settings.save()
        committee_settings.themes.set(themes)
        record_staff_action(
            actor=actor,
            action="escalations.update_settings",
            target=committee_settings,
            details={
                "threshold": threshold,
                "window_days": window_days,
                "rise_factor": rise_factor,
                "themes": sorted(theme.id for theme in themes),
            },
        )
    return committee_settings


def refresh_theme_counts(*, now: datetime | None = None) -> int | None:
    """Count, for every active theme, what its page shows, and store it (ThemeCounts). Returns the themes counted,
    or None when another refresh holds the lock."""
    until = now or timezone.now()
    since = until - timedelta(weeks=WEEKS_SHOWN)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [REFRESH_LOCK])
            if not cursor.fetchone()[0]:
                return None
        themes = list(Theme.objects.filter(active=True))
        for theme in themes:
            counted = count_themes(theme_ids=[theme.id], since=since, until=until)
            ThemeCounts.objects.update_or_create(
                theme=theme, defaults={"since": since, "until": until, "computed_at": until, **counted}
            )
        ThemeCounts.objects.exclude(theme__in=themes).delete()
    return len(themes)


def _percent(measure) -> str:
    return "–" if measure.suppressed or measure.value is None else f"{round(measure.value * 100)} %"


def _days(measure) -> str:
    if measure.suppressed or measure.value is None:
        return "–"
    return formats.number_format(measure.value, decimal_pos=1)


def draft_for_agenda(*, proposal: Proposal) -> str:
    """The draft "Beskrivelse af sagen" for an escalated theme: its figures and redacted excerpts."""
    escalation = Escalation.objects.select_related("committee", "theme").get(id=proposal.object_id)
    themes = themes_of(escalation)
    overview = theme_overview(themes=themes)
    fewer = _("færre end %(n)s") % {"n": settings.FIGURES_MIN_GROUP_SIZE}
    figures = overview.complaints
    lines = [
        _("Emnet »%(themes)s« er eskaleret til udvalget den %(date)s: %(summary)s.")
        % {
            "themes": "«, »".join(theme.name for theme in themes),
            "date": formats.date_format(timezone.localtime(escalation.detected_at), "DATE_FORMAT"),
            "summary": escalation_summary(escalation),
        },
        "",
        _("Det seneste halve år er der kommet %(complaints)s klager og %(ideas)d idéer om emnet.")
        % {"complaints": fewer if figures.suppressed else figures.complaints.value, "ideas": overview.ideas},
    ]
    if not figures.suppressed:
        shown = [(name, measure.value) for name, measure in overview.departments if not measure.suppressed]
        lines += [
            _("Klagerne fordeler sig på afdelingerne: %(departments)s (afdelinger med færre end %(n)s er udeladt).")
            % {
                "departments": ", ".join(f"{name} {count}" for name, count in shown),
                "n": settings.FIGURES_MIN_GROUP_SIZE,
            },
            _(
                "Udfald af de afsluttede klager: løst i dialog %(resolved)s, afgørelsen ændret %(changed)s, "
                "fastholdt og sendt videre %(forwarded)s."
            )
            % {
                "resolved": _percent(figures.resolved_in_dialogue),
                "changed": _percent(figures.decision_changed),
                "forwarded": _percent(figures.upheld_and_forwarded),
            },
            _(
                "Tid til første kontakt: median %(median)s dage, 90 %% inden for %(p90)s dage; "
                "%(within)s inden for fristen."
            )
            % {
                "median": _days(figures.first_contact_median_days),
                "p90": _days(figures.first_contact_p90_days),
                "within": _percent(figures.first_contact_within_deadline),
            },
        ]
    if overview.top_ideas:
        lines += ["", _("De mest støttede idéer om emnet:")]
        lines += [
            _("– »%(title)s« (%(count)d støtter, %(status)s)")
            % {"title": idea["title"], "count": idea["support_count"], "status": idea["status_display"].lower()}
            for idea in overview.top_ideas
        ]
    excerpts = [*overview.complaint_excerpts, *overview.idea_excerpts]
    if excerpts:
        lines += ["", _("Uddrag af klager og idéer (personoplysninger er fjernet):")]
        lines += [f"– »{item['text']}«" for item in excerpts]
    lines += [
        "",
        _("Tallene og flere uddrag står på emnesiden (for udvalgets medlemmer): %(url)s")
        % {"url": absolute_url(proposal.url)},
    ]
    return "\n".join(lines)


def record_placement(*, escalation_ids: list[int], event: AgendaEvent) -> None:
    """The committee put the escalations on a planned agenda: they leave its queue and cannot be dismissed."""
    Escalation.objects.filter(id__in=escalation_ids, status=Escalation.Status.OPEN).update(
        status=Escalation.Status.ON_AGENDA, agenda_url=event.url, agenda_date=event.meeting_start,
        updated_at=timezone.now(),
    )  # fmt: skip


def withdraw_placement(*, escalation_ids: list[int]) -> None:
    """Their item was taken off the agenda: the escalations are open again, back in the committee's queue."""
    Escalation.objects.filter(id__in=escalation_ids, status=Escalation.Status.ON_AGENDA).update(
        status=Escalation.Status.OPEN, agenda_url="", agenda_date=None, updated_at=timezone.now()
    )


def tell_about_decision(*, escalation_ids: list[int], event: AgendaEvent) -> int:
    """The minutes are out: the escalations are decided, and everyone whose complaint or idea carries one of the
    item's themes, and who agreed to hear, gets the decision. One message per person, however many complaints
    and ideas she has (and once, however often this runs)."""
    Escalation.objects.filter(id__in=escalation_ids).update(
        status=Escalation.Status.DECIDED, agenda_url=event.url, agenda_date=event.meeting_start,
        decision=event.decision, updated_at=timezone.now(),
    )  # fmt: skip
    escalations = list(Escalation.objects.filter(id__in=escalation_ids).select_related("theme"))
    themes = {theme for escalation in escalations for theme in themes_of(escalation)}
    theme_ids = [theme.id for theme in themes]
    names = ", ".join(sorted(theme.name for theme in themes))
    ids = set(citizens_to_tell_about_themes(theme_ids=theme_ids).values_list("id", flat=True))
    ids |= set(authors_to_tell_about_themes(theme_ids=theme_ids).values_list("id", flat=True))
    people = User.objects.filter(id__in=ids).order_by("id")
    for person in people:
        tell(
            user=person,
            title=DECIDED_TITLE,
            values={"committee": event.committee_short_name, "themes": names},
            body=event.decision,
            url=event.url,
            template="escalations/email/theme_decision.txt",
            context={
                "committee_name": event.committee_name,
                "decision": event.decision,
                "themes": names,
                "url": event.url,
            },
            key=f"theme-decision-{event.item_id}-{person.id}",
        )
    return len(people)
