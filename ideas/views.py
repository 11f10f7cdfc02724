"""Pages of the idea boards. Thin: forms parse, services decide, selectors read. No JavaScript needed."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import PublicName
from accounts.views import assurance_required
from core.forms import add_service_errors
from core.idempotency import run_form_service
from core.pagination import paged
from ideas import services
from ideas.forms import (
    AssistedIdeaForm,
    BoardFilterForm,
    CommentEditForm,
    CommentForm,
    HideForm,
    IdeaEditForm,
    IdeaForm,
    IdeaThemesForm,
    ModerationFilterForm,
    ReportForm,
    SupportForm,
)
from ideas.models import Comment, Idea, Report
from ideas.permissions import (
    can_see_hidden_text,
    is_comment_author,
    is_idea_author,
)
from ideas.selectors import (
    access_assisted_idea_by_id,
    access_board_by_slug,
    access_comment_by_id,
    access_idea_by_id,
    access_report_by_id,
    boards_overview,
    comments_on,
    open_reports,
    public_supporters,
    search_ideas,
    theme_suggestions_for,
)

IDEAS_PER_PAGE = 20
REPORTS_PER_PAGE = 20


@require_GET
def board_list(request):
    return render(request, "ideas/board_list.html", {"boards": boards_overview()})


@require_GET
def board_detail(request, slug: str):
    board = access_board_by_slug(slug=slug)
    filter_form = BoardFilterForm.from_query(request.GET)
    ideas = search_ideas(user=request.user, board=board, **filter_form.filters())
    context = {
        "board": board,
        "filter_form": filter_form,
        **paged(request, ideas, per_page=IDEAS_PER_PAGE),
        "can_create": rules.has_perm("ideas.create_idea", request.user, board),
        "closed_message": None if board.is_collecting else services.board_closed_message(board),
        "show_hidden": can_see_hidden_text(request.user),
    }
    return render(request, "ideas/board_detail.html", context)


CODE_SESSION_KEY = "bd_idea_claim_code_{}"  # shown on the receipt while the employee is with the citizen


@login_required
@assurance_required("assisted_intake")
@sensitive_post_parameters("cpr")
@require_http_methods(["GET", "POST"])
def assisted_idea_create(request):
    """Citizen service writes an idea for a citizen who is not online."""
    if not rules.has_perm("accounts.assist_citizens", request.user):
        raise PermissionDenied
    form = AssistedIdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        idea = form.run_once(
            user=request.user,
            action="ideas.create_idea_for_citizen",
            model=Idea,
            create=lambda: _create_for_citizen(request, form.cleaned_data),
        )
        if idea is not None:
            # Sent twice: the first put the code in this session, and the receipt shows it (once).
            return redirect("ideas:assisted-receipt", idea_id=idea.id)
    status = 400 if request.method == "POST" else 200
    return render(request, "ideas/assisted_form.html", {"form": form}, status=status)


def _create_for_citizen(request, data: dict) -> Idea:
    idea, code = services.create_idea_for_citizen(actor=request.user, **data)
    request.session[CODE_SESSION_KEY.format(idea.id)] = code
    return idea


@login_required
def assisted_idea_receipt(request, idea_id: int):
    idea = access_assisted_idea_by_id(user=request.user, idea_id=idea_id)
    code = request.session.pop(CODE_SESSION_KEY.format(idea.id), None)  # shown once
    return render(request, "ideas/assisted_receipt.html", {"idea": idea, "code": code})


@login_required
@require_http_methods(["GET", "POST"])
def idea_create(request, slug: str):
    board = access_board_by_slug(slug=slug)
    form = IdeaForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        idea = form.run_once(
            user=request.user,
            action="ideas.create_idea",
            model=Idea,
            create=lambda: services.create_idea(author=request.user, board=board, **form.cleaned_data),
        )
        if idea is not None:
            return redirect("ideas:receipt", idea_id=idea.id)
    context = {
        "board": board,
        "form": form,
        "closed_message": None if board.is_collecting else services.board_closed_message(board),
    }
    return render(request, "ideas/idea_form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def idea_receipt(request, idea_id: int):
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    if not is_idea_author(request.user, idea):
        raise PermissionDenied
    return render(request, "ideas/receipt.html", {"idea": idea})


def _themes_form(idea: Idea, data=None) -> IdeaThemesForm:
    """Staff confirm or change the themes; until they have, the form is ticked with the suggestion."""
    suggestions = theme_suggestions_for(idea=idea)
    confirmed = list(idea.themes.values_list("id", flat=True))
    form = IdeaThemesForm(data, initial={"themes": confirmed or [theme.id for theme, _score in suggestions]})
    form.fields["themes"].show_suggestion(suggestions)
    return form


def _render_idea(
    request,
    idea: Idea,
    *,
    comment_form: CommentForm | None = None,
    error: ValidationError | None = None,
    themes_form: IdeaThemesForm | None = None,
):
    user = request.user
    comments = list(comments_on(idea=idea))
    context = {
        "idea": idea,
        "board": idea.board,
        "comments": comments,
        "editable_comment_ids": {
            c.id for top in comments for c in [top, *top.replies.all()] if rules.has_perm("ideas.edit_comment", user, c)
        },
        "comment_form": comment_form or CommentForm(),
        "support_form": SupportForm(),
        "supporters": public_supporters(idea=idea),
        "errors": error.messages if error else [],
        "show_hidden": can_see_hidden_text(user),
        "can_support": rules.has_perm("ideas.support_idea", user, idea),
        "can_edit": rules.has_perm("ideas.edit_idea", user, idea),
        "can_comment": rules.has_perm("ideas.comment_on_idea", user, idea),
        "can_moderate": rules.has_perm("ideas.moderate", user),
        "can_pick": rules.has_perm("ideas.pick_proposal", user, idea),
        "themes": list(idea.themes.all()),
        "themes_form": themes_form
        or (_themes_form(idea) if rules.has_perm("ideas.set_idea_themes", user, idea) else None),
        "closed_message": None if idea.board.is_collecting else services.board_closed_message(idea.board),
    }
    failed = (
        error is not None
        or (comment_form is not None and comment_form.errors)
        or (themes_form is not None and themes_form.errors)
    )
    return render(request, "ideas/idea_detail.html", context, status=400 if failed else 200)


@require_GET
def idea_detail(request, idea_id: int):
    return _render_idea(request, access_idea_by_id(user=request.user, idea_id=idea_id))


@login_required
@require_http_methods(["GET", "POST"])
def idea_edit(request, idea_id: int):
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    if not is_idea_author(request.user, idea):
        raise PermissionDenied
    form = IdeaEditForm(request.POST or None, initial={"title": idea.title, "body": idea.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_idea(actor=request.user, idea=idea, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Din idé er gemt."))
            return redirect("ideas:idea", idea_id=idea.id)
    if not rules.has_perm("ideas.edit_idea", request.user, idea) and not form.errors:
        if not form.is_bound:  # a form's error needs a cleaned form: bind it to the idea as it stands
            form = IdeaEditForm({"title": idea.title, "body": idea.body})
            form.is_valid()
        form.add_error(None, services.IDEA_NOT_EDITABLE)
    return render(
        request,
        "ideas/idea_form.html",
        {"board": idea.board, "idea": idea, "form": form},
        status=400 if form.errors else 200,
    )


def _idea_action(request, idea_id: int, action, success: str):
    """A POST button on the idea page: do it, or show the idea page again with the reason it was refused."""
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    try:
        action(idea)
    except ValidationError as error:
        return _render_idea(request, idea, error=error)
    messages.success(request, success)
    return redirect("ideas:idea", idea_id=idea.id)


@login_required
@require_POST
def idea_support(request, idea_id: int):
    shown_as = request.POST.get("shown_as") or PublicName.FULL  # the service checks the choice
    return _idea_action(
        request,
        idea_id,
        lambda idea: services.support_idea(user=request.user, idea=idea, shown_as=shown_as),
        _("Du støtter nu idéen."),
    )


@login_required
@require_POST
def idea_withdraw_support(request, idea_id: int):
    return _idea_action(
        request,
        idea_id,
        lambda idea: services.withdraw_support(user=request.user, idea=idea),
        _("Du har trukket din støtte tilbage."),
    )


@login_required
@require_POST
def idea_propose(request, idea_id: int):
    return _idea_action(
        request,
        idea_id,
        lambda idea: services.propose_idea(actor=request.user, idea=idea),
        _("Idéen er nu et forslag til udvalget."),
    )


@login_required
@require_POST
def idea_themes(request, idea_id: int):
    """Staff confirm or change the idea's themes."""
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    if not rules.has_perm("ideas.set_idea_themes", request.user, idea):
        raise PermissionDenied
    form = _themes_form(idea, request.POST)
    if form.is_valid():
        try:
            services.set_idea_themes(actor=request.user, idea=idea, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Idéens emner er gemt."))
            return redirect("ideas:idea", idea_id=idea.id)
    return _render_idea(request, idea, themes_form=form)


@login_required
@require_POST
def idea_unhide(request, idea_id: int):
    return _idea_action(
        request, idea_id, lambda idea: services.unhide_idea(actor=request.user, idea=idea), _("Idéen vises igen.")
    )


@login_required
@require_POST
def comment_create(request, idea_id: int):
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent_id = form.cleaned_data["parent"]
        parent = access_comment_by_id(comment_id=parent_id) if parent_id else None
        comment = form.run_once(
            user=request.user,
            action="ideas.post_comment",
            model=Comment,
            create=lambda: services.post_comment(
                author=request.user,
                idea=idea,
                body=form.cleaned_data["body"],
                parent=parent,
                shown_as=form.cleaned_data["shown_as"],
            ),
        )
        if comment is not None:
            messages.success(request, _("Din kommentar er offentliggjort."))
            return redirect(reverse("ideas:idea", args=[idea.id]) + f"#kommentar-{comment.id}")
    return _render_idea(request, idea, comment_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request, comment_id: int):
    comment = access_comment_by_id(comment_id=comment_id)
    if not is_comment_author(request.user, comment):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(actor=request.user, comment=comment, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Din kommentar er gemt."))
            return redirect(reverse("ideas:idea", args=[comment.idea_id]) + f"#kommentar-{comment.id}")
    if not rules.has_perm("ideas.edit_comment", request.user, comment) and not form.errors:
        form.add_error(None, services.COMMENT_EDIT_WINDOW_PASSED)
    context = {"comment": comment, "idea": comment.idea, "form": form}
    return render(request, "ideas/comment_form.html", context, status=400 if form.errors else 200)


def _reason_page(request, *, form, template: str, context: dict, action, success: str, next_url: str, once_as=None):
    """A page with one reason field (report, hide): the form, then the service (`once_as`: (action name, model),
    once per the form's key)."""

    def run():
        return action(form.cleaned_data["reason"])

    if (
        request.method == "POST"
        and form.is_valid()
        and run_form_service(form, user=request.user, run=run, once_as=once_as)
    ):
        messages.success(request, success)
        return redirect(next_url)
    return render(request, template, {**context, "form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def idea_report(request, idea_id: int):
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)
    if idea.is_hidden:
        raise Http404  # already hidden: nothing to report, and its text is the moderator's to read
    return _reason_page(
        request,
        form=ReportForm(request.POST or None),
        template="ideas/report_form.html",
        context={"idea": idea, "comment": None},
        action=lambda reason: services.report_content(reporter=request.user, idea=idea, reason=reason),
        success=_("Tak. En moderator ser på din anmeldelse."),
        next_url=reverse("ideas:idea", args=[idea.id]),
        once_as=("ideas.report_content", Report),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_report(request, comment_id: int):
    comment = access_comment_by_id(comment_id=comment_id)
    if comment.is_hidden or comment.idea.is_hidden:
        raise Http404  # already hidden: nothing to report, and its text is the moderator's to read
    return _reason_page(
        request,
        form=ReportForm(request.POST or None),
        template="ideas/report_form.html",
        context={"idea": comment.idea, "comment": comment},
        action=lambda reason: services.report_content(reporter=request.user, comment=comment, reason=reason),
        success=_("Tak. En moderator ser på din anmeldelse."),
        next_url=reverse("ideas:idea", args=[comment.idea_id]) + f"#kommentar-{comment.id}",
        once_as=("ideas.report_content", Report),
    )


def _require_moderator(request) -> None:
    if not rules.has_perm("ideas.moderate", request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def idea_hide(request, idea_id: int):
    idea = access_idea_by_id(user=request.user, idea_id=idea_id)  # 404 for an idea she may not know, first
    _require_moderator(request)
    return _reason_page(
        request,
        form=HideForm(request.POST or None),
        template="ideas/hide_form.html",
        context={"idea": idea, "comment": None},
        action=lambda reason: services.hide_idea(actor=request.user, idea=idea, reason=reason),
        success=_("Idéen er skjult, og forfatteren har fået besked."),
        next_url=reverse("ideas:moderation"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def comment_hide(request, comment_id: int):
    comment = access_comment_by_id(comment_id=comment_id)  # 404 for a comment that does not exist, first
    _require_moderator(request)
    return _reason_page(
        request,
        form=HideForm(request.POST or None),
        template="ideas/hide_form.html",
        context={"idea": comment.idea, "comment": comment},
        action=lambda reason: services.hide_comment(actor=request.user, comment=comment, reason=reason),
        success=_("Kommentaren er skjult, og forfatteren har fået besked."),
        next_url=reverse("ideas:moderation"),
    )


@login_required
@require_POST
def comment_unhide(request, comment_id: int):
    comment = access_comment_by_id(comment_id=comment_id)
    try:
        services.unhide_comment(actor=request.user, comment=comment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Kommentaren vises igen."))
    return redirect(reverse("ideas:idea", args=[comment.idea_id]) + f"#kommentar-{comment.id}")


@login_required
@require_GET
def moderation_queue(request):
    _require_moderator(request)
    filter_form = ModerationFilterForm.from_query(request.GET)
    reports = open_reports(**filter_form.filters())
    context = {"filter_form": filter_form, **paged(request, reports, per_page=REPORTS_PER_PAGE)}
    return render(request, "ideas/moderation_queue.html", context)


@login_required
@require_POST
def report_dismiss(request, report_id: int):
    _require_moderator(request)
    services.dismiss_report(actor=request.user, report=access_report_by_id(report_id=report_id))
    messages.success(request, _("Anmeldelsen er afvist; indholdet vises fortsat."))
    return redirect("ideas:moderation")
