"""Guidance templates are kept in the admin; the legal track's records are shown read-only (they are
written through casework.services, which holds the rules)."""

from django.contrib import admin

from casework.models import Decision, GuidanceTemplate, Hearing, Reassessment


@admin.register(GuidanceTemplate)
class GuidanceTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "department", "appeals_body"]
    list_filter = ["department"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Hearing)
class HearingAdmin(ReadOnlyAdmin):
    list_display = ["complaint", "kind", "status", "sent_at", "deadline"]
    list_filter = ["kind", "status"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["complaint", "kind", "full_agreement", "lix", "sent_at"]
    list_filter = ["kind", "full_agreement"]


@admin.register(Reassessment)
class ReassessmentAdmin(ReadOnlyAdmin):
    list_display = ["complaint", "appeals_body", "forwarded_at"]
