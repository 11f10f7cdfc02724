"""Reads of boards, ideas and comments.

Support counts are always counted from the `Support` rows in the same query
(a subquery per idea), so a page or API list costs the same number of queries
whatever the number of ideas and supports, and the number is never stale.

The committees app reads ideas only through these functions (keyword-only):

- ``proposals_for_committee(*, committee_id) -> QuerySet[Idea]``: the ideas
  proposed to the committee (status ``proposed``), oldest proposal first, each
  annotated with ``support_count``, with ``board`` and ``author`` joined.
- ``idea_public_summary(*, idea_id) -> dict``: what may be quoted in public
  (an agenda item's description): ``id``, ``title``, ``body`` (the moderator's
  reason instead when the idea is hidden), ``is_hidden``, ``status``,
  ``support_count``, ``board_title``, ``created_at``, ``author_name`` (the
  association's name when posted on its behalf, else the author's name) and
  ``url``. No other personal data. Raises ``Idea.DoesNotExist``.
- ``contributors_of(*, idea_ids) -> QuerySet[User]``: the active authors and
  supporters of the ideas, each person once.
"""

from datetime import date, datetime

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, DateField, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.permissions import may_manage_stand_in
from ideas.models import Association, Board, Comment, Idea, Report, Support
from ideas.permissions import readable_text_q, visible_idea_q
from themes.models import Theme
from themes.redaction import excerpt

ORDER_MOST_SUPPORTED = "support"
ORDER_NEWEST = "new"


def _count_of(model, **filters):
    return Coalesce(
        Subquery(
            model.objects.filter(idea=OuterRef("pk"), **filters)
            .order_by()
            .values("idea")
            .annotate(n=Count("id"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def with_support_count(ideas: QuerySet[Idea]) -> QuerySet[Idea]:
    return ideas.annotate(support_count=_count_of(Support))


def _with_counts_for(ideas: QuerySet[Idea], *, user: User) -> QuerySet[Idea]:
    ideas = with_support_count(ideas).annotate(comment_count=_count_of(Comment))
    if user.is_authenticated:
        return ideas.annotate(supported_by_me=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)))
    return ideas.annotate(supported_by_me=Value(False))


def boards_overview() -> QuerySet[Board]:
    """Every board (boards are public), with the number of ideas on each."""
    return (
        Board.objects.filter(standalone=True)
        .select_related("committee")
        .annotate(idea_count=Count("ideas"))
        .order_by("-opens_on", "title")
    )


def collecting_boards() -> QuerySet[Board]:
    """The standalone boards that take ideas today."""
    today = timezone.localdate()
    return Board.objects.filter(
        standalone=True, phase=Board.Phase.COLLECTING, opens_on__lte=today, closes_on__gte=today
    ).order_by("title")


def access_board_by_slug(*, slug: str) -> Board:
    board = Board.objects.select_related("committee").filter(slug=slug).first()
    if board is None:
        raise Http404
    return board


def search_ideas(
    *, user: User, board: Board | None = None, query: str = "", status: str = "", order: str = ORDER_MOST_SUPPORTED
) -> QuerySet[Idea]:
    """Ideas for the board page and the API: searched, filtered and ordered, with their counts.

    The text search never looks inside hidden text unless the reader may see it.
    """
    ideas = Idea.objects.all() if board is None else Idea.objects.filter(board=board)
    query = query.strip()
    if query:
        ideas = ideas.filter(Q(title__icontains=query) | Q(body__icontains=query), readable_text_q(user))
    if status in Idea.Status.values:
        ideas = ideas.filter(status=status)
    ideas = _with_counts_for(ideas, user=user).select_related("author", "association", "board")
    if order == ORDER_NEWEST:
        return ideas.order_by("-created_at", "-id")
    return ideas.order_by("-support_count", "-created_at", "-id")


def public_supporters(*, idea: Idea, limit: int = 50) -> list[str]:
    """The first supporters' names as each chose to be shown publicly (full, first name and initial, or
    "en borger")."""
    supports = Support.objects.filter(idea=idea).select_related("user").order_by("created_at", "id")[:limit]
    return [support.public_name for support in supports]


def access_assisted_idea_by_id(*, user: User, idea_id: int) -> Idea:
    """An idea citizen service wrote for a citizen who has not claimed it, for that department's citizen
    service staff (its receipt); 404 for anyone else."""
    idea = (
        Idea.objects.select_related("board", "author__stand_in", "filed_by_department")
        .filter(id=idea_id, filed_by_department__isnull=False)
        .first()
    )
    if idea is None or not may_manage_stand_in(user, getattr(idea.author, "stand_in", None)):
        raise Http404
    return idea


def access_idea_by_id(*, user: User, idea_id: int) -> Idea:
    """The idea with its counts (boards are public, so anyone may read it), or 404."""
    idea = (
        _with_counts_for(Idea.objects.filter(id=idea_id), user=user)
        .select_related("author", "association", "board", "board__committee", "hidden_by", "filed_by_department")
        .first()
    )
    if idea is None:
        raise Http404
    return idea


def comments_on(*, idea: Idea) -> QuerySet[Comment]:
    """Top-level comments, oldest first, with their replies (one level) and authors."""
    replies = Comment.objects.select_related("author").order_by("created_at", "id")
    return (
        Comment.objects.filter(idea=idea, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )


def access_comment_by_id(*, comment_id: int) -> Comment:
    comment = Comment.objects.select_related("author", "idea", "idea__board", "parent").filter(id=comment_id).first()
    if comment is None:
        raise Http404
    return comment


def associations_of(*, user: User) -> QuerySet[Association]:
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(memberships__user=user).order_by("name")


REPORTED_IDEAS, REPORTED_COMMENTS = "idea", "comment"


def open_reports(*, query: str = "", kind: str = "") -> QuerySet[Report]:
    """The moderation queue: unresolved reports, oldest first, with what they are about; `query` searches the
    reported text and the reason, `kind` keeps reports of ideas or of comments."""
    reports = Report.objects.filter(resolved_at__isnull=True)
    if query:
        reports = reports.filter(
            Q(reason__icontains=query)
            | Q(idea__title__icontains=query)
            | Q(idea__body__icontains=query)
            | Q(comment__body__icontains=query)
            | Q(comment__idea__title__icontains=query)
        )
    if kind == REPORTED_IDEAS:
        reports = reports.filter(comment__isnull=True)
    elif kind == REPORTED_COMMENTS:
        reports = reports.filter(comment__isnull=False)
    return reports.select_related(
        "reporter",
        "idea",
        "idea__author",
        "idea__board",
        "idea__association",
        "comment",
        "comment__author",
        "comment__idea",
    ).order_by("created_at", "id")


def access_report_by_id(*, report_id: int) -> Report:
    report = Report.objects.select_related("idea", "comment").filter(id=report_id).first()
    if report is None:
        raise Http404
    return report


# The interface for the committees app


def proposals_for_committee(*, committee_id: int) -> QuerySet[Idea]:
    return (
        with_support_count(Idea.objects.filter(board__committee_id=committee_id, status=Idea.Status.PROPOSED))
        .select_related("board", "author", "association")
        .order_by("proposed_at", "id")
    )


def idea_public_summary(*, idea_id: int) -> dict:
    idea = with_support_count(Idea.objects.filter(id=idea_id)).select_related("board", "author", "association").get()
    return {
        "id": idea.id,
        "title": _("Skjult idé") if idea.is_hidden else idea.title,
        "body": idea.hidden_reason if idea.is_hidden else idea.body,
        "is_hidden": idea.is_hidden,
        "status": idea.status,
        "support_count": idea.support_count,
        "board_title": idea.board.title,
        "created_at": idea.created_at,
        "author_name": idea.author_display_name,
        "url": reverse("ideas:idea", args=[idea.id]),
    }


def contributors_of(*, idea_ids: list[int]) -> QuerySet[User]:
    authors = Idea.objects.filter(id__in=idea_ids).values("author_id")
    supporters = Support.objects.filter(idea_id__in=idea_ids).values("user_id")
    return User.objects.filter(Q(id__in=authors) | Q(id__in=supporters), is_active=True).order_by("id")


def theme_suggestions_for(*, idea: Idea) -> list[tuple[Theme, float]]:
    """The themes suggested when the idea was posted, most likely first."""
    return [(s.theme, s.score) for s in idea.theme_suggestions.select_related("theme").order_by("-score", "id")]


def themed_idea_examples(limit: int) -> list[tuple[str, list[int]]]:
    """The newest shown ideas with themes confirmed by staff, as (text, theme ids): the suggestion learns from these."""
    rows = (
        Idea.objects.filter(visible_idea_q(), themes__isnull=False)
        .values("id", "title", "body")
        .annotate(theme_ids=ArrayAgg("themes__id", distinct=True))
        .order_by("-id")[:limit]
    )
    return [(f"{row['title']}\n{row['body']}", row["theme_ids"]) for row in rows]


# What the committees floor reads about themed ideas: counts, public facts, redacted excerpts, who agreed to hear.


def _shown_with_themes(theme_ids: list[int]) -> QuerySet[Idea]:
    themed = Idea.themes.through.objects.filter(theme_id__in=theme_ids).values("idea_id")
    return Idea.objects.filter(visible_idea_q(), id__in=themed)


def theme_activity(*, since: datetime) -> list[tuple[int, datetime]]:
    """(theme id, posted) for each theme of each shown idea posted after `since`."""
    return list(
        Idea.themes.through.objects.filter(visible_idea_q("idea__"), idea__created_at__gt=since).values_list(
            "theme_id", "idea__created_at"
        )
    )


def ideas_per_week(*, theme_ids: list[int], since: datetime) -> dict[date, int]:
    """Shown ideas with any of the themes posted after `since`, counted per week (Monday, Copenhagen time)."""
    rows = (
        _shown_with_themes(theme_ids)
        .filter(created_at__gt=since)
        .annotate(week=TruncWeek("created_at", output_field=DateField()))
        .values("week")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["week"]: row["count"] for row in rows}


def top_ideas_for_themes(*, theme_ids: list[int], limit: int) -> list[dict]:
    """The most supported shown ideas with any of the themes (the newest when few have support), as public
    facts: no author. Two queries: the supports counted per idea in the database, then the few ideas."""
    shown = _shown_with_themes(theme_ids)
    counts = dict(
        Support.objects.filter(idea__in=shown)
        .values("idea_id")
        .annotate(count=Count("id"))
        .order_by("-count", "-idea_id")
        .values_list("idea_id", "count")[:limit]
    )
    newest = shown.order_by("-created_at", "-id").values("id")[:limit]
    ideas = Idea.objects.filter(Q(id__in=list(counts)) | Q(id__in=newest)).select_related("board")
    ranked = sorted(ideas, key=lambda idea: (-counts.get(idea.id, 0), -idea.created_at.timestamp(), -idea.id))
    return [
        {
            "title": idea.title,
            "support_count": counts.get(idea.id, 0),
            "status": idea.status,
            "status_display": idea.get_status_display(),
            "board_title": idea.board.title,
            "url": reverse("ideas:idea", args=[idea.id]),
        }
        for idea in ranked[:limit]
    ]


def theme_idea_excerpts(*, theme_ids: list[int], limit: int, length: int = 240) -> list[dict]:
    """The newest shown ideas with any of the themes as redacted excerpts ({"month", "text"}), author's name removed."""
    ideas = _shown_with_themes(theme_ids).select_related("author").order_by("-created_at", "-id")[:limit]
    return [
        {
            "month": timezone.localtime(idea.created_at).date().replace(day=1),
            "text": excerpt(f"{idea.title}. {idea.body}", names=[idea.author.full_name], length=length),
        }
        for idea in ideas
    ]


def authors_to_tell_about_themes(*, theme_ids: list[int]) -> QuerySet[User]:
    """Active authors of ideas carrying any of the themes who agreed to hear what a committee decides."""
    agreed = Idea.objects.filter(notify_about_decisions=True, themes__in=theme_ids).values("author_id")
    return User.objects.filter(id__in=agreed, is_active=True)


def idea_facts() -> QuerySet:
    """Every shown idea as anonymous facts for statistics: when posted, whether it reached a committee, outcome."""
    return Idea.objects.filter(visible_idea_q()).values("id", "created_at", "status", "proposed_at")


def own_data_of(*, user: User) -> dict[str, list[dict]]:
    """Her ideas, comments and supports, for her data export (hidden ones too: they are hers)."""
    ideas = Idea.objects.filter(author_id=user.id).select_related("board").order_by("created_at", "id")
    comments = Comment.objects.filter(author_id=user.id).select_related("idea").order_by("created_at", "id")
    supports = Support.objects.filter(user_id=user.id).select_related("idea").order_by("created_at", "id")
    return {
        "idéer": [
            {
                "tavle": idea.board.title,
                "oprettet": idea.created_at,
                "overskrift": idea.title,
                "tekst": idea.body,
                "status": idea.status,
                "skjult": idea.hidden_at,
            }
            for idea in ideas
        ],
        "kommentarer": [
            {
                "idé": comment.idea.title,
                "skrevet": comment.created_at,
                "tekst": comment.body,
                "skjult": comment.hidden_at,
            }
            for comment in comments
        ],
        "støtter": [{"idé": support.idea.title, "støttet": support.created_at} for support in supports],
    }
