"""Every write on the idea boards.

Each service checks what the actor may do (ideas.permissions), validates with
a clear message in the user's language, and writes in one transaction.

Supports and the threshold: every support and withdrawal of an idea first
locks the idea's row, so they happen one after another per idea; the support
that makes the count reach the board's threshold turns the idea into a
proposal with a conditional update (`status = published` → `proposed`), which
can succeed only once. Withdrawing a support later does not undo a proposal.

ideas/proposals.py, the source the committees app lists, calls these (keyword-only; committees checks its own
permissions):

- ``mark_ideas_on_agenda(*, idea_ids: list[int], agenda_url: str) -> None``:
  the ideas are now on a published agenda (status ``on_agenda``); their
  authors and supporters are told once per agenda link.
- ``record_committee_decision(*, idea_ids, decision, outcome, url, decided_at) -> None``:
  ``outcome`` is ``"decided"``, ``"implemented"`` or ``"declined"``; stores the
  decision text and its link, dated by the meeting (``decided_at``), sets the status and tells every author and
  supporter once (a notice in the product and an e-mail, each with a dedupe
  key). Raises ``ValidationError`` for an unknown outcome or an empty decision.

Hidden ideas keep their place in that flow: the new status is remembered and
comes back when a moderator shows the idea again.
"""

import hashlib
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import services as accounts_services
from accounts.models import Committee, PublicName, User
from accounts.permissions import may_manage_stand_in, require_assurance
from accounts.services import record_staff_action
from core import ratelimit
from core.queue import enqueue_on_commit
from ideas.models import (
    CLOSES_BEFORE_OPENS,
    COMMENT_MAX,
    IDEA_BODY_MAX,
    REASON_MAX,
    TITLE_MAX,
    Association,
    Board,
    Comment,
    Idea,
    IdeaThemeSuggestion,
    Report,
    Support,
)
from ideas.permissions import (
    board_collects,
    can_manage_board,
    can_set_idea_themes,
    comment_within_edit_window,
    idea_is_editable,
    is_comment_author,
    is_idea_author,
    is_idea_board_secretary,
    is_logged_in,
    is_moderator,
)
from ideas.selectors import contributors_of
from notifications.services import absolute_url, queue_email, tell
from themes.models import Theme
from themes.services import store_theme_suggestions

IDEA_NOT_EDITABLE = gettext_lazy("Idéen kan kun ændres, mens tavlen samler idéer, og før den er blevet et forslag.")
COMMENT_EDIT_WINDOW_PASSED = gettext_lazy(
    "Du kan kun rette din kommentar i de første 15 minutter efter, at du skrev den."
)

DECISION_OUTCOMES = (Idea.Status.DECIDED, Idea.Status.IMPLEMENTED, Idea.Status.DECLINED)

NOTICE_TITLES = {
    "proposed": gettext_lazy("Idéen ”%(title)s” er nu et forslag til udvalget"),
    "on_agenda": gettext_lazy("Idéen ”%(title)s” er sat på udvalgets dagsorden"),
    "decided": gettext_lazy("Udvalget har truffet beslutning om idéen ”%(title)s”"),
    "idea_hidden": gettext_lazy("Din idé ”%(title)s” er skjult af en moderator"),
    "comment_hidden": gettext_lazy("Din kommentar til idéen ”%(title)s” er skjult af en moderator"),
}


# Validation


def _clean_text(errors: dict, field: str, value: str, *, max_length: int, min_length: int = 1) -> str:
    value = (value or "").strip()
    if not value:
        errors.setdefault(field, []).append(_("Feltet skal udfyldes."))
    elif len(value) < min_length:
        errors.setdefault(field, []).append(_("Skriv mindst %(min)d tegn.") % {"min": min_length})
    elif len(value) > max_length:
        errors.setdefault(field, []).append(
            _("Teksten må højst være på %(max)d tegn (den er på %(length)d).")
            % {"max": max_length, "length": len(value)}
        )
    return value


def _check_shown_as(errors: dict, shown_as: str) -> None:
    if shown_as not in PublicName.values:
        errors["shown_as"] = [
            _("Vælg, hvordan dit navn skal vises: fulde navn, fornavn og forbogstav eller en borger.")
        ]


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def board_closed_message(board: Board) -> str:
    """Why a board takes no new ideas or support right now."""
    if board.phase == Board.Phase.REVIEWING:
        return _("Tavlen er lukket for nye idéer og støtte, fordi idéerne er under behandling.")
    if board.phase == Board.Phase.CLOSED:
        return _("Tavlen er lukket for nye idéer og støtte.")
    return _("Tavlen samler kun idéer og støtte fra %(opens)s til %(closes)s.") % {
        "opens": formats.date_format(board.opens_on, "DATE_FORMAT"),
        "closes": formats.date_format(board.closes_on, "DATE_FORMAT"),
    }


# Boards


BOARD_FIELDS = ("title", "description", "opens_on", "closes_on", "support_threshold", "phase")


def _validate_board(board: Board) -> None:
    errors: dict[str, list[str]] = {}
    try:
        board.full_clean(exclude=["committee"], validate_constraints=False)
    except ValidationError as error:
        errors = error.message_dict
    if board.opens_on and board.closes_on and board.closes_on <= board.opens_on:
        errors.setdefault("closes_on", []).append(str(CLOSES_BEFORE_OPENS))
    _raise_if(errors)


def create_board(
    *,
    actor: User,
    committee: Committee,
    title: str,
    slug: str,
    opens_on: date,
    closes_on: date,
    support_threshold: int,
    description: str = "",
    phase: str = Board.Phase.COLLECTING,
) -> Board:
    """A new board for a committee: by an administrator or the committee's secretary."""
    board = Board(
        committee=committee,
        title=title.strip(),
        slug=slug.strip(),
        description=description.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        support_threshold=support_threshold,
        phase=phase,
    )
    if not can_manage_board(actor, board):
        raise PermissionDenied
    _validate_board(board)
    with transaction.atomic():
        board.save()
        record_staff_action(actor=actor, action="ideas.create_board", target=board, details={"title": board.title})
    return board


def update_board(*, actor: User, board: Board, **changes) -> Board:
    """Change a board's text, dates, threshold or phase (the fields in BOARD_FIELDS)."""
    if not can_manage_board(actor, board):
        raise PermissionDenied
    unknown = set(changes) - set(BOARD_FIELDS)
    if unknown:
        raise ValidationError({field: [_("Feltet kan ikke ændres.")] for field in sorted(unknown)})
    with transaction.atomic():
        board = Board.objects.select_for_update().get(id=board.id)
        for field, value in changes.items():
            setattr(board, field, value.strip() if isinstance(value, str) else value)
        _validate_board(board)
        board.save()
        record_staff_action(
            actor=actor, action="ideas.update_board", target=board, details={"changed": sorted(changes)}
        )
    return board


# Boards another subject owns (not standalone, e.g. a participatory budget's): the owner checks its own
# permissions and keeps the board's text, dates and phase in step with itself.


def create_owned_board(
    *, committee: Committee, title: str, slug: str, description: str, opens_on: date, closes_on: date
) -> Board:
    board = Board(
        committee=committee,
        title=title,
        slug=slug,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        support_threshold=1,
        standalone=False,
    )
    _validate_board(board)
    board.save()
    return board


def sync_owned_board(
    *, board_id: int, title: str, description: str, opens_on: date, closes_on: date, collecting: bool
) -> None:
    Board.objects.filter(id=board_id, standalone=False).update(
        title=title,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        phase=Board.Phase.COLLECTING if collecting else Board.Phase.REVIEWING,
        updated_at=timezone.now(),
    )


# Ideas


def create_idea(
    *,
    author: User,
    board: Board,
    title: str,
    body: str,
    association: Association | None = None,
    notify_about_decisions: bool = False,
    shown_as: str = PublicName.FULL,
    filed_by: User | None = None,
) -> Idea:
    """A citizen posts an idea, in her own name or on behalf of an association she belongs to.

    Themes are suggested from its text after commit, for staff to confirm.
    """
    if not is_logged_in(author):
        raise PermissionDenied
    if filed_by is not None and not may_manage_stand_in(filed_by, getattr(author, "stand_in", None)):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if not board_collects(author, board):
        errors["board"] = [board_closed_message(board)]
    title = _clean_text(errors, "title", title, max_length=TITLE_MAX, min_length=3)
    body = _clean_text(errors, "body", body, max_length=IDEA_BODY_MAX, min_length=10)
    if association is not None and not association.memberships.filter(user=author).exists():
        errors["association"] = [_("Du kan kun skrive på vegne af en forening, du er medlem af.")]
    _check_shown_as(errors, shown_as)
    _raise_if(errors)
    if filed_by is None:
        ratelimit.check(bucket="ideas.create", user_id=author.id)
    with transaction.atomic():
        idea = Idea.objects.create(
            board=board,
            author=author,
            association=association,
            title=title,
            body=body,
            notify_about_decisions=notify_about_decisions,
            shown_as=shown_as,
            filed_by_department_id=author.stand_in.department_id if filed_by else None,
        )
        enqueue_on_commit("ideas.tasks.suggest_themes_for_idea", idea.id)
    return idea


def suggest_idea_themes(*, idea_id: int) -> list[IdeaThemeSuggestion]:
    """Store the themes suggested from the idea's text. Safe to run twice: the first suggestion stays."""
    idea = Idea.objects.filter(id=idea_id).first()
    if idea is None:
        return []
    return store_theme_suggestions(item=idea, text=f"{idea.title}\n{idea.body}")


def sweep_unsuggested_themes(*, now: datetime | None = None) -> int:
    """Suggest themes for ideas whose suggestion message was lost (older than the grace period)."""
    now = now or timezone.now()
    ids = Idea.objects.filter(themes_suggested_at__isnull=True, created_at__lt=now - settings.SWEEP_GRACE)
    return sum(bool(suggest_idea_themes(idea_id=i)) for i in ids.values_list("id", flat=True)[:200])


def set_idea_themes(*, actor: User, idea: Idea, themes: list[Theme]) -> Idea:
    """Staff (or the board committee's secretary) confirm or change the idea's themes."""
    if not can_set_idea_themes(actor, idea):
        raise PermissionDenied
    if any(not theme.active for theme in themes):
        raise ValidationError({"themes": [_("Vælg kun emner, der er aktive.")]})
    with transaction.atomic():
        idea.themes.set(themes)
        Idea.objects.filter(id=idea.id).update(updated_at=timezone.now())
        record_staff_action(
            actor=actor,
            action="ideas.set_idea_themes",
            target=idea,
            details={"themes": sorted(theme.id for theme in themes)},
        )
    return idea


def update_idea(*, actor: User, idea: Idea, title: str, body: str) -> Idea:
    """The author changes her idea, while the board collects and before it becomes a proposal."""
    if not is_idea_author(actor, idea):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    title = _clean_text(errors, "title", title, max_length=TITLE_MAX, min_length=3)
    body = _clean_text(errors, "body", body, max_length=IDEA_BODY_MAX, min_length=10)
    _raise_if(errors)
    with transaction.atomic():
        locked = Idea.objects.select_for_update(of=("self",)).select_related("board").get(id=idea.id)
        if not idea_is_editable(actor, locked):
            raise ValidationError({"idea": [IDEA_NOT_EDITABLE]})
        locked.title, locked.body = title, body
        locked.save(update_fields=["title", "body", "updated_at"])
    return locked


def create_idea_for_citizen(
    *,
    actor: User,
    full_name: str,
    identified_by: str,
    consent: bool,
    board: Board,
    title: str,
    body: str,
    postal_address: str = "",
    email: str = "",
    phone: str = "",
    cpr: str = "",
    shown_as: str = PublicName.FULL,
    notify_about_decisions: bool = False,
) -> tuple[Idea, str]:
    """Citizen service (Borgerservice) writes an idea on a board for a citizen who is not online.

    Her stand-in account is the author until she claims it (accounts.services); returns the idea and the
    one-time claim code (kept only as a hash), which is e-mailed to her when she gave an address."""
    with transaction.atomic():
        stand_in = accounts_services.create_stand_in(
            actor=actor,
            full_name=full_name,
            identified_by=identified_by,
            consent=consent,
            postal_address=postal_address,
            email=email,
            phone=phone,
            cpr=cpr,
        )
        idea = create_idea(
            author=stand_in.user,
            filed_by=actor,
            board=board,
            title=title,
            body=body,
            shown_as=shown_as,
            notify_about_decisions=notify_about_decisions,
        )
        code = accounts_services.issue_claim_code(actor=actor, stand_in=stand_in)
        record_staff_action(actor=actor, action="ideas.create_idea_for_citizen", target=idea)
        if email.strip():
            queue_email(
                recipient=stand_in.user,
                template="ideas/email/assisted_receipt.txt",
                context={
                    "idea": idea,
                    "stand_in": stand_in,
                    "code": code,
                    "claim_url": _absolute(reverse("claim")),
                    "url": _absolute(reverse("ideas:idea", args=[idea.id])),
                },
                dedupe_key=f"idea-assisted-{idea.id}",
            )
    return idea, code


def move_ideas_to_claimer(*, from_user: User, to_user: User) -> None:
    """A citizen claimed her stand-in account: the ideas and comments written and supports given for her are
    hers now (a support she already gave herself stays one)."""
    Idea.objects.filter(author=from_user).update(author=to_user, updated_at=timezone.now())
    Comment.objects.filter(author=from_user).update(author=to_user)
    Support.objects.filter(user=from_user, idea__supports__user=to_user).delete()
    Support.objects.filter(user=from_user).update(user=to_user)


# Supports and proposals


def _lock_idea_for_support(user: User, idea: Idea) -> Idea:
    if not is_logged_in(user):
        raise PermissionDenied
    locked = Idea.objects.select_for_update(of=("self",)).select_related("board").get(id=idea.id)
    if locked.is_hidden:
        raise ValidationError({"idea": [_("Idéen er skjult og kan ikke støttes.")]})
    if not board_collects(user, locked.board):
        raise ValidationError({"idea": [board_closed_message(locked.board)]})
    return locked


def support_idea(*, user: User, idea: Idea, shown_as: str = PublicName.FULL) -> bool:
    """Support an idea (a second click changes nothing but how she is shown). True when the support is new.

    The support that makes the count reach the board's threshold makes the idea a proposal.
    """
    require_assurance(user=user, action="support_idea")
    errors: dict[str, list[str]] = {}
    _check_shown_as(errors, shown_as)
    _raise_if(errors)
    with transaction.atomic():
        locked = _lock_idea_for_support(user, idea)
        support, created = Support.objects.get_or_create(idea=locked, user=user, defaults={"shown_as": shown_as})
        if not created and support.shown_as != shown_as:
            Support.objects.filter(id=support.id).update(shown_as=shown_as)
        if (
            created
            and locked.board.standalone
            and locked.status == Idea.Status.PUBLISHED
            and Support.objects.filter(idea=locked).count() >= locked.board.support_threshold
        ):
            _become_proposal(locked, source=Idea.ProposalSource.THRESHOLD)
    return created


def withdraw_support(*, user: User, idea: Idea) -> bool:
    """Withdraw one's support (a proposal stays a proposal). True when there was a support to withdraw."""
    with transaction.atomic():
        locked = _lock_idea_for_support(user, idea)
        deleted, _rows = Support.objects.filter(idea=locked, user=user).delete()
    return bool(deleted)


def propose_idea(*, actor: User, idea: Idea) -> Idea:
    """Staff (an employee, or the board committee's secretary) pick an idea as a proposal."""
    with transaction.atomic():
        locked = Idea.objects.select_for_update(of=("self",)).select_related("board").get(id=idea.id)
        if not (is_moderator(actor) or is_idea_board_secretary(actor, locked)):
            raise PermissionDenied
        if not locked.board.standalone:
            raise ValidationError({"idea": [_("Idéen står på en tavle, der ikke giver forslag til udvalget.")]})
        if locked.status != Idea.Status.PUBLISHED:
            raise ValidationError(
                {
                    "idea": [
                        _("Kun offentliggjorte idéer kan gøres til forslag. Idéen er: %(status)s.")
                        % {"status": locked.get_status_display()}
                    ]
                }
            )
        _become_proposal(locked, source=Idea.ProposalSource.STAFF)
        record_staff_action(actor=actor, action="ideas.propose_idea", target=locked)
    return locked


def _become_proposal(idea: Idea, *, source: str) -> bool:
    """published → proposed, at most once (a conditional update); then tell author and supporters."""
    now = timezone.now()
    changed = Idea.objects.filter(id=idea.id, status=Idea.Status.PUBLISHED).update(
        status=Idea.Status.PROPOSED, proposed_at=now, proposal_source=source, updated_at=now
    )
    if not changed:
        return False
    idea.status, idea.proposed_at, idea.proposal_source = Idea.Status.PROPOSED, now, source
    _tell_contributors(idea, event="proposed", url=reverse("ideas:idea", args=[idea.id]))
    return True


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


def _tell_contributors(idea: Idea, *, event: str, url: str, key: str = "", body: str = "") -> None:
    """A notice and an e-mail to the idea's author and each supporter; once each (dedupe keys)."""
    for user in contributors_of(idea_ids=[idea.id]):
        tell(
            user=user,
            title=NOTICE_TITLES[event],
            values={"title": idea.title},
            body=body,
            url=url,
            template=f"ideas/email/{event}.txt",
            context={"idea": idea, "is_author": user.id == idea.author_id, "link": _absolute(url)},
            key=f"idea-{event}-{idea.id}{key}-{user.id}",
        )


def _set_flow_status(idea: Idea, status: str) -> None:
    """A hidden idea stays hidden; its new place in the flow shows when it is shown again."""
    if idea.is_hidden:
        idea.status_before_hidden = status
    else:
        idea.status = status


def mark_ideas_on_agenda(*, idea_ids: list[int], agenda_url: str) -> None:
    url_key = "-" + hashlib.sha256(agenda_url.encode()).hexdigest()[:12]
    with transaction.atomic():
        ideas = list(Idea.objects.select_for_update().filter(id__in=idea_ids).order_by("id"))
        for idea in ideas:
            _set_flow_status(idea, Idea.Status.ON_AGENDA)
            idea.agenda_url = agenda_url
            idea.save(update_fields=["status", "status_before_hidden", "agenda_url", "updated_at"])
            _tell_contributors(idea, event="on_agenda", url=agenda_url, key=url_key)


def _decision_text(decision: str, outcome: str, decided_at: datetime):
    """The notice's text, written in the reader's language when she is told (notifications.services.tell)."""

    def text() -> str:
        meeting = formats.date_format(timezone.localtime(decided_at), "DATE_FORMAT")
        said = _("Udvalgets beslutning på mødet %(date)s: %(outcome)s.")
        return f"{said % {'date': meeting, 'outcome': Idea.Status(outcome).label}}\n\n{decision}"

    return text


def record_committee_decision(
    *, idea_ids: list[int], decision: str, outcome: str, url: str, decided_at: datetime
) -> None:
    """The committee's decision on proposed ideas, dated by the meeting that took it (`decided_at`, not the day its
    minutes were published); each contributor is told the outcome, the meeting's date and the decision."""
    errors: dict[str, list[str]] = {}
    if outcome not in DECISION_OUTCOMES:
        errors["outcome"] = [_("Udfaldet skal være besluttet, gennemført eller afvist.")]
    decision = _clean_text(errors, "decision", decision, max_length=20000)
    _raise_if(errors)
    with transaction.atomic():
        ideas = list(Idea.objects.select_for_update().filter(id__in=idea_ids).order_by("id"))
        for idea in ideas:
            _set_flow_status(idea, outcome)
            idea.decision, idea.decision_url, idea.decided_at = decision, url, decided_at
            idea.save(
                update_fields=["status", "status_before_hidden", "decision", "decision_url", "decided_at", "updated_at"]
            )
            _tell_contributors(idea, event="decided", url=url, body=_decision_text(decision, outcome, decided_at))


# Comments


def post_comment(
    *, author: User, idea: Idea, body: str, parent: Comment | None = None, shown_as: str = PublicName.FULL
) -> Comment:
    """A comment on an idea, or a reply to a comment (replies cannot be answered: one level)."""
    if not is_logged_in(author):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if idea.is_hidden:
        errors["idea"] = [_("Skjulte idéer kan ikke kommenteres.")]
    elif idea.board.phase == Board.Phase.CLOSED:
        errors["idea"] = [_("Tavlen er lukket for kommentarer.")]
    if parent is not None:
        if parent.idea_id != idea.id:
            errors["parent"] = [_("Svaret skal høre til den samme idé.")]
        elif parent.parent_id is not None:
            errors["parent"] = [_("Du kan kun svare på en kommentar, ikke på et svar.")]
        elif parent.is_hidden:
            errors["parent"] = [_("Du kan ikke svare på en skjult kommentar.")]
    body = _clean_text(errors, "body", body, max_length=COMMENT_MAX, min_length=2)
    _check_shown_as(errors, shown_as)
    _raise_if(errors)
    ratelimit.check(bucket="ideas.comment", user_id=author.id)
    return Comment.objects.create(idea=idea, author=author, parent=parent, body=body, shown_as=shown_as)


def edit_comment(*, actor: User, comment: Comment, body: str) -> Comment:
    """The author corrects her comment within 15 minutes of writing it."""
    if not is_comment_author(actor, comment):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    body = _clean_text(errors, "body", body, max_length=COMMENT_MAX, min_length=2)
    if not comment_within_edit_window(actor, comment):
        errors["comment"] = [COMMENT_EDIT_WINDOW_PASSED]
    _raise_if(errors)
    comment.body, comment.edited_at = body, timezone.now()
    comment.save(update_fields=["body", "edited_at", "updated_at"])
    return comment


# Reports and moderation


def report_content(*, reporter: User, reason: str, idea: Idea | None = None, comment: Comment | None = None) -> Report:
    """Anyone logged in reports an idea or a comment; a moderator looks at it."""
    if not is_logged_in(reporter):
        raise PermissionDenied
    if (idea is None) == (comment is None):
        raise ValidationError({"target": [_("Anmeld enten en idé eller en kommentar.")]})
    errors: dict[str, list[str]] = {}
    reason = _clean_text(errors, "reason", reason, max_length=REASON_MAX, min_length=5)
    if (idea or comment).is_hidden:
        errors["target"] = [_("Indholdet er allerede skjult.")]
    _raise_if(errors)
    try:
        with transaction.atomic():
            return Report.objects.create(reporter=reporter, idea=idea, comment=comment, reason=reason)
    except IntegrityError:
        raise ValidationError({"reason": [_("Du har allerede anmeldt dette. En moderator ser på det.")]}) from None


def _resolve_reports(actor: User, **target) -> int:
    return Report.objects.filter(resolved_at__isnull=True, **target).update(
        resolved_at=timezone.now(), resolved_by=actor, updated_at=timezone.now()
    )


def _moderation_reason(actor: User, reason: str) -> str:
    """Only staff moderate; the public reason must say something."""
    if not is_moderator(actor):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    reason = _clean_text(errors, "reason", reason, max_length=REASON_MAX, min_length=5)
    _raise_if(errors)
    return reason


def hide_idea(*, actor: User, idea: Idea, reason: str) -> Idea:
    """Staff hide an idea: the public sees the reason instead; the text is kept; the author is told why."""
    reason = _moderation_reason(actor, reason)
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(id=idea.id)
        if locked.is_hidden:
            raise ValidationError({"idea": [_("Idéen er allerede skjult.")]})
        locked.status_before_hidden, locked.status = locked.status, Idea.Status.HIDDEN
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), actor, reason
        locked.save()
        _resolve_reports(actor, idea=locked)
        record_staff_action(actor=actor, action="ideas.hide_idea", target=locked, details={"reason": reason})
        _tell_author_hidden(
            locked.author, event="idea_hidden", idea=locked, reason=reason, key=f"{locked.hidden_at.timestamp():.0f}"
        )
    return locked


def unhide_idea(*, actor: User, idea: Idea) -> Idea:
    if not is_moderator(actor):
        raise PermissionDenied
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(id=idea.id)
        if not locked.is_hidden:
            raise ValidationError({"idea": [_("Idéen er ikke skjult.")]})
        reason = locked.hidden_reason
        locked.status, locked.status_before_hidden = locked.status_before_hidden, ""
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
        locked.save()
        record_staff_action(actor=actor, action="ideas.unhide_idea", target=locked, details={"hidden_for": reason})
    return locked


def hide_comment(*, actor: User, comment: Comment, reason: str) -> Comment:
    reason = _moderation_reason(actor, reason)
    with transaction.atomic():
        locked = Comment.objects.select_for_update(of=("self",)).select_related("idea", "author").get(id=comment.id)
        if locked.is_hidden:
            raise ValidationError({"comment": [_("Kommentaren er allerede skjult.")]})
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = timezone.now(), actor, reason
        locked.save()
        _resolve_reports(actor, comment=locked)
        record_staff_action(actor=actor, action="ideas.hide_comment", target=locked, details={"reason": reason})
        _tell_author_hidden(
            locked.author,
            event="comment_hidden",
            idea=locked.idea,
            reason=reason,
            key=f"c{locked.id}-{locked.hidden_at.timestamp():.0f}",
        )
    return locked


def unhide_comment(*, actor: User, comment: Comment) -> Comment:
    if not is_moderator(actor):
        raise PermissionDenied
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(id=comment.id)
        if not locked.is_hidden:
            raise ValidationError({"comment": [_("Kommentaren er ikke skjult.")]})
        reason = locked.hidden_reason
        locked.hidden_at, locked.hidden_by, locked.hidden_reason = None, None, ""
        locked.save()
        record_staff_action(actor=actor, action="ideas.unhide_comment", target=locked, details={"hidden_for": reason})
    return locked


def dismiss_report(*, actor: User, report: Report) -> int:
    """Staff find nothing wrong: every open report on the same idea or comment is closed."""
    if not is_moderator(actor):
        raise PermissionDenied
    target = {"idea_id": report.idea_id} if report.idea_id else {"comment_id": report.comment_id}
    with transaction.atomic():
        closed = _resolve_reports(actor, **target)
        record_staff_action(actor=actor, action="ideas.dismiss_report", target=report, details={"closed": closed})
    return closed


def _tell_author_hidden(author: User, *, event: str, idea: Idea, reason: str, key: str) -> None:
    url = reverse("ideas:idea", args=[idea.id])
    tell(
        user=author,
        title=NOTICE_TITLES[event],
        values={"title": idea.title},
        body=reason,
        url=url,
        template=f"ideas/email/{event}.txt",
        context={"idea": idea, "reason": reason, "link": _absolute(url)},
        key=f"idea-{event}-{idea.id}-{key}",
    )
