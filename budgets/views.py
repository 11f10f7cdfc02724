"""Pages of the participatory budgets. Thin: forms parse, services decide, selectors read. No JavaScript.

Supports and comments on a project are the idea machinery's: these pages call ideas' services on the
project's idea, so the same locks, limits and moderation apply as on any idea board.
"""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from budgets import services
from budgets.forms import BallotForm, CommentForm, PaperBallotForm, ProgressForm, ProjectForm, ReviewForm
from budgets.models import PaperTally, Phase, ProgressNote, Project, Result
from budgets.permissions import (
    can_see_review,
    has_voting_assurance,
)
from budgets.selectors import (
    access_budget_by_slug,
    access_project_by_id,
    ballot_of,
    budgets_overview,
    chosen_project_ids,
    paper_tallies,
    progress_of,
    projects_of,
    result_table,
)
from core.forms import add_service_errors
from core.idempotency import run_form_service
from core.money import format_kroner
from ideas import services as idea_services
from ideas.models import Comment
from ideas.permissions import can_see_hidden_text, is_idea_author
from ideas.selectors import access_idea_by_id, comments_on

STEPS = [(1, gettext_lazy("Projektet")), (2, gettext_lazy("Tjek og send"))]


@require_GET
def budget_list(request):
    return render(request, "budgets/budget_list.html", {"budgets": budgets_overview().order_by("-vote_from")})


def _render_budget(request, budget, *, error: ValidationError | None = None, paper_form=None):
    user = request.user
    manager = rules.has_perm("budgets.manage_budget", user, budget)
    context = {
        "budget": budget,
        "phase_message": services.phase_message(budget),
        "projects": projects_of(budget=budget),
        "show_hidden": can_see_hidden_text(user),
        "show_review": can_see_review(user, budget),
        "results": result_table(user=user, budget=budget),
        "can_propose": rules.has_perm("budgets.propose_project", user, budget),
        "can_vote": rules.has_perm("budgets.vote", user, budget),
        "has_voted": bool(ballot_of(user=user, budget=budget)),
        "is_manager": manager,
        "paper_form": paper_form
        or (PaperBallotForm(projects=projects_of(budget=budget, feasible_only=True)) if manager else None),
        "paper_tallies": paper_tallies(budget=budget),
        "errors": error.messages if error else [],
        "Phase": Phase,
    }
    failed = error is not None or (paper_form is not None and paper_form.errors)
    return render(request, "budgets/budget_detail.html", context, status=400 if failed else 200)


@require_GET
def budget_detail(request, slug: str):
    return _render_budget(request, access_budget_by_slug(slug=slug))


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request, slug: str):
    """Two steps without a draft: the form, then the same data shown back (hidden fields) to check and send."""
    budget = access_budget_by_slug(slug=slug)
    form = ProjectForm(request.POST or None, user=request.user)
    step = 1
    if request.method == "POST" and form.is_valid():
        if "send" not in request.POST:
            step = 2
        else:
            project = form.run_once(
                user=request.user,
                action="budgets.propose_project",
                model=Project,
                create=lambda: services.propose_project(author=request.user, budget=budget, **form.cleaned_data),
            )
            if project is not None:
                return redirect("budgets:project-receipt", project_id=project.id)
    context = {
        "budget": budget,
        "form": form,
        "step": step,
        "steps": STEPS,
        "phase_message": None
        if rules.has_perm("budgets.propose_project", request.user, budget)
        else services.phase_message(budget),
        "estimate": format_kroner(form.cleaned_data.get("estimated_cost")) if step == 2 else "",
    }
    return render(request, "budgets/project_form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def project_receipt(request, project_id: int):
    project = access_project_by_id(project_id=project_id)
    if not is_idea_author(request.user, project.idea):
        raise Http404
    return render(request, "budgets/project_receipt.html", {"project": project, "budget": project.budget})


def _render_project(request, project, *, forms: dict | None = None, error: ValidationError | None = None):
    user = request.user
    forms = forms or {}
    budget = project.budget
    idea = access_idea_by_id(user=user, idea_id=project.idea_id)
    manager = rules.has_perm("budgets.manage_budget", user, budget)
    result = Result.objects.filter(project=project).first() if result_table(user=user, budget=budget) else None
    context = {
        "project": project,
        "budget": budget,
        "idea": idea,
        "show_hidden": can_see_hidden_text(user),
        "show_review": can_see_review(user, budget),
        "comments": comments_on(idea=idea),
        "can_support": rules.has_perm("ideas.support_idea", user, idea),
        "can_comment": rules.has_perm("ideas.comment_on_idea", user, idea),
        "is_manager": manager,
        "result": result,
        "progress": progress_of(project=project),
        "review_form": forms.get("review")
        or ReviewForm(
            initial={
                "feasibility": project.feasibility if project.feasibility != "pending" else None,
                "municipal_cost": project.municipal_cost,
                "reason": project.feasibility_reason,
            }
        ),
        "progress_form": forms.get("progress") or ProgressForm(initial={"status": project.implementation}),
        "comment_form": forms.get("comment") or CommentForm(),
        "errors": error.messages if error else [],
    }
    failed = error is not None or any(form.errors for form in forms.values())
    return render(request, "budgets/project_detail.html", context, status=400 if failed else 200)


@require_GET
def project_detail(request, project_id: int):
    return _render_project(request, access_project_by_id(project_id=project_id))


def _project_action(request, project_id: int, action, success: str):
    project = access_project_by_id(project_id=project_id)
    try:
        action(project)
    except ValidationError as error:
        return _render_project(request, project, error=error)
    messages.success(request, success)
    return redirect("budgets:project", project_id=project.id)


@login_required
@require_POST
def project_support(request, project_id: int):
    def support(project):
        idea_services.support_idea(user=request.user, idea=project.idea)
        if request.POST.get("follow"):
            services.follow_project(user=request.user, project=project)

    return _project_action(request, project_id, support, _("Du støtter nu projektet."))


@login_required
@require_POST
def project_follow(request, project_id: int):
    return _project_action(
        request,
        project_id,
        lambda project: services.follow_project(user=request.user, project=project),
        _("Du får besked om projektets fremdrift."),
    )


def _project_form_action(request, project_id: int, *, name: str, form_class, action, success: str, once_as=None):
    """A form on the project's page. `once_as` (action name, model) runs it once per the form's key."""
    project = access_project_by_id(project_id=project_id)
    form = form_class(request.POST)

    def run():
        return action(project, form.cleaned_data)

    if form.is_valid() and run_form_service(form, user=request.user, run=run, once_as=once_as):
        messages.success(request, success)
        return redirect("budgets:project", project_id=project.id)
    return _render_project(request, project, forms={name: form})


@login_required
@require_POST
def project_comment(request, project_id: int):
    return _project_form_action(
        request,
        project_id,
        name="comment",
        form_class=CommentForm,
        action=lambda project, data: idea_services.post_comment(author=request.user, idea=project.idea, **data),
        success=_("Din kommentar er offentliggjort."),
        once_as=("budgets.comment", Comment),
    )


@login_required
@require_POST
def project_review(request, project_id: int):
    return _project_form_action(
        request,
        project_id,
        name="review",
        form_class=ReviewForm,
        action=lambda project, data: services.review_project(actor=request.user, project=project, **data),
        success=_("Vurderingen er gemt."),
    )


@login_required
@require_POST
def project_progress(request, project_id: int):
    return _project_form_action(
        request,
        project_id,
        name="progress",
        form_class=ProgressForm,
        action=lambda project, data: services.add_progress_note(actor=request.user, project=project, **data),
        success=_("Fremdriften er gemt, og de, der følger projektet, har fået besked."),
        once_as=("budgets.add_progress_note", ProgressNote),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, slug: str):
    budget = access_budget_by_slug(slug=slug)
    projects = projects_of(budget=budget, feasible_only=True) if budget.review_published_at else []
    own = ballot_of(user=request.user, budget=budget)
    initial = {"projects": chosen_project_ids(ballot=own), "notify_progress": bool(own and own.notify_progress)}
    form = BallotForm(request.POST or None, projects=projects, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_ballot(
                voter=request.user,
                budget=budget,
                project_ids=form.cleaned_data["projects"],
                notify_progress=form.cleaned_data["notify_progress"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Din stemme er gemt. Du kan ændre den, indtil afstemningen slutter."))
            return redirect("budgets:ballot", slug=budget.slug)
    context = {
        "budget": budget,
        "form": form,
        "projects": projects,
        "has_voted": own is not None,
        "can_vote": rules.has_perm("budgets.vote", request.user, budget),
        "phase_message": services.phase_message(budget),
        "needs_assurance": not has_voting_assurance(request.user),
    }
    return render(request, "budgets/ballot.html", context, status=400 if form.errors else 200)


def _budget_action(request, slug: str, action, success: str):
    budget = access_budget_by_slug(slug=slug)
    if not rules.has_perm("budgets.manage_budget", request.user, budget):
        raise PermissionDenied
    try:
        action(budget)
    except ValidationError as error:
        return _render_budget(request, budget, error=error)
    messages.success(request, success)
    return redirect("budgets:budget", slug=budget.slug)


@login_required
@require_POST
def close_phase(request, slug: str):
    return _budget_action(
        request, slug, lambda budget: services.close_phase(actor=request.user, budget=budget), _("Fasen er lukket.")
    )


@login_required
@require_POST
def publish_review(request, slug: str):
    return _budget_action(
        request,
        slug,
        lambda budget: services.publish_review(actor=request.user, budget=budget),
        _("Vurderingen er offentliggjort."),
    )


@login_required
@require_POST
def compute_results(request, slug: str):
    return _budget_action(
        request,
        slug,
        lambda budget: services.compute_results(actor=request.user, budget=budget),
        _("Resultatet er beregnet. Se tabellen, før du offentliggør den."),
    )


@login_required
@require_POST
def publish_results(request, slug: str):
    return _budget_action(
        request,
        slug,
        lambda budget: services.publish_results(actor=request.user, budget=budget),
        _("Resultatet er offentliggjort."),
    )


@login_required
@require_POST
def paper_ballots(request, slug: str):
    budget = access_budget_by_slug(slug=slug)
    if not rules.has_perm("budgets.manage_budget", request.user, budget):
        raise PermissionDenied
    form = PaperBallotForm(request.POST, projects=projects_of(budget=budget, feasible_only=True))
    if form.is_valid():
        result = form.run_once(  # entered twice, the votes would count twice
            user=request.user,
            action="budgets.record_paper_ballots",
            model=PaperTally,
            create=lambda: services.record_paper_ballots(
                actor=request.user, budget=budget, counts=form.counts(), source=form.cleaned_data["source"]
            )[0],
        )
        if result is not None:
            messages.success(request, _("Papirstemmerne er registreret."))
            return redirect("budgets:budget", slug=budget.slug)
    return _render_budget(request, budget, paper_form=form)
