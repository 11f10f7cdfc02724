from django.contrib import admin

from themes.models import SuggestionModel, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SuggestionModel)
class SuggestionModelAdmin(admin.ModelAdmin):
    """Read-only: models are made by the training job; an administrator can see how well they do."""

    list_display = ["created_at", "examples", "holdout", "themes", "top1_accuracy", "micro_f1"]
    exclude = ["blob"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
