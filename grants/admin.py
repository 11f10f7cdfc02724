from django.contrib import admin

from grants.models import Application, BudgetLine, Criterion, Pool, Round


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0
    readonly_fields = ["granted_total"]


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["name", "amount_per_round", "citizens_may_apply", "associations_may_apply"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    filter_horizontal = ["reviewers"]
    inlines = [CriterionInline, RoundInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only here: applications change through the product (the services), never by hand."""

    list_display = ["reference", "title", "round", "status", "amount_applied", "amount_granted"]
    list_filter = ["status", "round__pool"]
    search_fields = ["reference", "title"]
    inlines = [BudgetLineInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
