"""Events in the administration: to look up, not to change. Every change goes through the event pages,
whose services check the rules (seats, the waiting list, who is told); the registrations, which are
personal data, are not shown here at all."""

from django.contrib import admin

from events.models import Contributor, Event


class ContributorInline(admin.TabularInline):
    model = Contributor
    fields = ["role", "name"]
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "department", "capacity", "is_published"]
    list_filter = ["kind", "is_published", "department"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    inlines = [ContributorInline]
    exclude = ["report_ideas"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
