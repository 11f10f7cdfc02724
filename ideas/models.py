"""Idea boards: boards, associations, ideas, supports, comments and reports.

An idea's support count is never stored: every read counts the `Support`
rows (see `selectors.with_support_count`), so the number shown is always the
number of people who support the idea, whatever happens concurrently.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee, Department, PublicName
from core.models import TimeStampedModel
from themes.models import Theme, ThemeSuggestion

TITLE_MAX = 200
IDEA_BODY_MAX = 5000
COMMENT_MAX = 2000
REASON_MAX = 1000

CLOSES_BEFORE_OPENS = _("Slutdatoen skal ligge efter startdatoen.")


class Board(TimeStampedModel):
    """An idea board (idétavle) owned by a committee, open for ideas between two dates."""

    class Phase(models.TextChoices):
        COLLECTING = "collecting", _("Samler idéer")
        REVIEWING = "reviewing", _("Under behandling")
        CLOSED = "closed", _("Lukket")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    slug = models.SlugField(_("kort navn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), max_length=IDEA_BODY_MAX, blank=True)
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="idea_boards", verbose_name=_("udvalg")
    )
    opens_on = models.DateField(_("åbner"))
    closes_on = models.DateField(_("lukker"))
    support_threshold = models.PositiveIntegerField(
        _("støttetærskel"),
        default=25,
        validators=[MinValueValidator(1)],
        help_text=_("Når så mange støtter en idé, bliver den et forslag til udvalget."),
    )
    phase = models.CharField(_("fase"), max_length=12, choices=Phase.choices, default=Phase.COLLECTING)
    standalone = models.BooleanField(
        _("selvstændig idétavle"),
        default=True,
        help_text=_(
            "En selvstændig tavle står under Idétavler, og dens idéer bliver forslag til udvalget ved tærsklen. "
            "En tavle, som en anden del af produktet ejer (fx et borgerbudgets projekter), gør ingen af delene."
        ),
    )

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("idétavle")
        verbose_name_plural = _("idétavler")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gt=F("opens_on")),
                name="board_closes_after_it_opens",
                violation_error_message=CLOSES_BEFORE_OPENS,
            ),
            models.CheckConstraint(condition=Q(support_threshold__gte=1), name="board_threshold_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_collecting(self) -> bool:
        """Open for new ideas and support: the collecting phase, between its two dates."""
        today = timezone.localdate()
        return self.phase == self.Phase.COLLECTING and self.opens_on <= today <= self.closes_on


class Association(TimeStampedModel):
    """A local association (forening) whose members may post ideas on its behalf."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kort navn"), unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="AssociationMembership", related_name="associations"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("forening")
        verbose_name_plural = _("foreninger")

    def __str__(self) -> str:
        return self.name


class AssociationMembership(TimeStampedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="association_memberships")
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="memberships")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "association"], name="unique_association_membership")]
        verbose_name = _("medlemskab af forening")
        verbose_name_plural = _("medlemskaber af foreninger")

    def __str__(self) -> str:
        return f"{self.user} – {self.association}"


def shown_as_field():
    """How the author (or supporter) is shown publicly: her choice, kept on what she wrote or supported."""
    return models.CharField(
        _("vist offentligt som"), max_length=10, choices=PublicName.choices, default=PublicName.FULL
    )


class Moderated(models.Model):
    """Hidden content keeps its text; the public sees the reason instead."""

    hidden_at = models.DateTimeField(_("skjult"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skjult af"),
    )
    hidden_reason = models.CharField(_("begrundelse for at skjule"), max_length=REASON_MAX, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def hidden_from(self, *, show_hidden: bool) -> bool:
        """The reader is shown the moderator's reason instead of the text: it is hidden, and she is not one who sees
        hidden text (`show_hidden`: ideas.permissions.can_see_hidden_text, or a hearing's managers). The one rule
        the pages (ideas/templatetags/moderation.py) and the API's serializers ask."""
        return self.is_hidden and not show_hidden


class Idea(Moderated, TimeStampedModel):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Offentliggjort")
        HIDDEN = "hidden", _("Skjult")
        PROPOSED = "proposed", _("Foreslået til udvalget")
        ON_AGENDA = "on_agenda", _("På dagsordenen")
        DECIDED = "decided", _("Besluttet")
        IMPLEMENTED = "implemented", _("Gennemføres")  # the committee decided it will be: not yet done
        DECLINED = "declined", _("Afvist")

    class ProposalSource(models.TextChoices):
        THRESHOLD = "threshold", _("Nok støtte")
        STAFF = "staff", _("Valgt af kommunen")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("idétavle"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("forfatter")
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("på vegne af forening"),
    )
    title = models.CharField(_("overskrift"), max_length=TITLE_MAX)
    body = models.TextField(_("beskrivelse"), max_length=IDEA_BODY_MAX)
    shown_as = shown_as_field()
    filed_by_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet af afdelingen for borgeren"),
        help_text=_("Når Borgerservice har skrevet idéen for en borger, der ikke selv er på nettet."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    status_before_hidden = models.CharField(max_length=12, choices=Status.choices, blank=True)
    proposed_at = models.DateTimeField(_("foreslået"), null=True, blank=True)
    proposal_source = models.CharField(_("foreslået fordi"), max_length=10, choices=ProposalSource.choices, blank=True)
    agenda_url = models.CharField(_("link til dagsordenen"), max_length=500, blank=True)
    decision = models.TextField(_("udvalgets beslutning"), blank=True)
    decision_url = models.CharField(_("link til beslutningen"), max_length=500, blank=True)
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="ideas", verbose_name=_("emner"))
    themes_suggested_at = models.DateTimeField(null=True, blank=True)
    notify_about_decisions = models.BooleanField(
        _("Må vi give dig besked, hvis et politisk udvalg behandler emnet?"),
        default=False,
        help_text=_("Udvalget ser kun emnet og antallet af henvendelser, aldrig dit navn."),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("idé")
        verbose_name_plural = _("idéer")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="hidden", hidden_at__isnull=False) & ~Q(status_before_hidden="")
                | ~Q(status="hidden") & Q(hidden_at__isnull=True, status_before_hidden=""),
                name="idea_hidden_iff_status_hidden",
            ),
            models.CheckConstraint(
                condition=Q(proposal_source="") | Q(proposed_at__isnull=False),
                name="idea_proposal_has_time",
            ),
        ]
        indexes = [models.Index(fields=["board", "status"])]

    def __str__(self) -> str:
        return self.title

    def title_for(self, *, show_hidden: bool) -> str:
        """The title as the reader is shown it: "Skjult idé" while it is hidden from her."""
        return str(_("Skjult idé")) if self.hidden_from(show_hidden=show_hidden) else self.title

    @property
    def filed_for_citizen_label(self) -> str:
        """ "Oprettet af Borgerservice for borgeren" when citizen service wrote it for her, else empty."""
        if self.filed_by_department_id is None:
            return ""
        return _("Oprettet af %(department)s for borgeren") % {"department": self.filed_by_department.name}

    @property
    def author_display_name(self) -> str:
        """What the public sees as the sender: the association, or the author's name in the form she chose."""
        return self.association.name if self.association_id else self.author.public_name(self.shown_as)


class IdeaThemeSuggestion(ThemeSuggestion):
    """A theme suggested from the idea's text when it was posted, for staff to confirm or change."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="theme_suggestions")

    class Meta(ThemeSuggestion.Meta):
        constraints = [models.UniqueConstraint(fields=["idea", "theme"], name="unique_idea_theme_suggestion")]


class Support(models.Model):
    """One person's support for one idea; withdrawing deletes the row."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports")
    shown_as = shown_as_field()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="unique_support_per_person")]
        verbose_name = _("støtte")
        verbose_name_plural = _("støtter")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"

    @property
    def public_name(self) -> str:
        return self.user.public_name(self.shown_as)


class Comment(Moderated, TimeStampedModel):
    """A comment on an idea, or a reply to one (one level: a reply has no replies)."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="idea_comments", verbose_name=_("forfatter")
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("svar på")
    )
    body = models.TextField(_("kommentar"), max_length=COMMENT_MAX)
    shown_as = shown_as_field()
    edited_at = models.DateTimeField(_("redigeret"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        constraints = [models.CheckConstraint(condition=~Q(parent=F("id")), name="comment_not_own_parent")]

    def __str__(self) -> str:
        return f"{self.author} om {self.idea_id}"

    @property
    def author_public_name(self) -> str:
        """The commenter as the public sees her, in the form she chose."""
        return self.author.public_name(self.shown_as)


class Report(TimeStampedModel):
    """Someone logged in reports an idea or a comment to the moderators."""

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_reports")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports")
    reason = models.TextField(_("begrundelse"), max_length=REASON_MAX)
    resolved_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("anmeldelse")
        verbose_name_plural = _("anmeldelser")
        constraints = [
            models.CheckConstraint(
                condition=Q(idea__isnull=False, comment__isnull=True) | Q(idea__isnull=True, comment__isnull=False),
                name="report_targets_idea_or_comment",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idea"], condition=Q(resolved_at__isnull=True), name="one_open_report_per_idea"
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reporter_id}: {self.reason[:40]}"
