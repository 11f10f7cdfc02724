from django.contrib import admin

from ideas.models import Association, AssociationMembership, Board, Comment, Idea, Report


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "phase", "opens_on", "closes_on", "support_threshold"]
    list_filter = ["phase", "committee"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]


class AssociationMembershipInline(admin.TabularInline):
    model = AssociationMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Association)
class AssociationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    inlines = [AssociationMembershipInline]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    """Read-mostly: ideas change through the services (pages and API), which tell the people concerned."""

    list_display = ["title", "board", "author", "status", "created_at"]
    list_filter = ["status", "board"]
    search_fields = ["title", "body"]
    readonly_fields = [f.name for f in Idea._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["idea", "author", "created_at", "hidden_at"]
    readonly_fields = [f.name for f in Comment._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reporter", "idea", "comment", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
    readonly_fields = [f.name for f in Report._meta.fields]

    def has_add_permission(self, request):
        return False
