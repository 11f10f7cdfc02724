"""Budgets in the Django admin: the budget's settings and a read-only view of projects and paper tallies.

Ballots are not here at all: their content is shown to nobody but the voter. A budget is created and
changed through budgets.services (which keep its idea board in step); reviews, results and progress change
on the budget's pages.
"""

from django.contrib import admin

from budgets import services
from budgets.models import Budget, PaperTally, Project


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "total", "voting_rule", "collect_from", "vote_from", "vote_until"]
    list_filter = ["committee", "voting_rule"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}

    def get_readonly_fields(self, request, obj=None):
        return ["slug", "committee"] if obj else []

    def save_model(self, request, obj, form, change) -> None:
        fields = {name: form.cleaned_data[name] for name in services.BUDGET_FIELDS if name in form.cleaned_data}
        if change:
            services.update_budget(actor=request.user, budget=obj, **fields)
        else:
            created = services.create_budget(
                actor=request.user, committee=form.cleaned_data["committee"], slug=form.cleaned_data["slug"], **fields
            )
            obj.pk = obj.id = created.id


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "budget", "feasibility", "municipal_cost", "implementation"]
    list_filter = ["budget", "feasibility", "implementation"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(PaperTally)
class PaperTallyAdmin(admin.ModelAdmin):
    list_display = ["project", "votes", "source", "entered_by", "entered_at"]
    list_filter = ["budget"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
