"""Hearings in the admin: read mostly; the councils' duties (CouncilDuty) are set up here.

Hearings themselves are written through their pages (the services check dates and permissions); the admin
shows them and their answers, and lets an administrator keep the duty rules.
"""

from django.contrib import admin

from hearings.models import Answer, CouncilDuty, Hearing, Invitation, Section


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["number", "title"]
    readonly_fields = ["number", "title"]
    can_delete = False


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    readonly_fields = ["council", "association"]
    can_delete = False


@admin.register(Hearing)
class HearingAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "department", "starts_on", "ends_on", "published_at", "concluded_at"]
    list_filter = ["committee", "department"]
    search_fields = ["title", "case_number"]
    inlines = [SectionInline, InvitationInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["hearing", "author", "council", "association", "contains_sensitive", "hidden_at", "created_at"]
    list_filter = ["contains_sensitive"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CouncilDuty)
class CouncilDutyAdmin(admin.ModelAdmin):
    list_display = ["rule", "council", "legal_basis"]
    filter_horizontal = ["themes"]
