from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.access_log import log_reads
from accounts.models import (
    Committee,
    CommitteeMembership,
    Council,
    CouncilMembership,
    Department,
    DepartmentMembership,
    PersonalDataAccess,
    StaffAction,
    User,
)


class LogsPersonalDataReads:
    """An admin whose change page shows a citizen's personal data: every object it opens is written to her access
    log, like any other door. `personal_data_subject_id(obj)` names whose data the page shows."""

    def personal_data_subject_id(self, obj) -> int | None:
        raise NotImplementedError

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            what = f"Administration: {obj._meta.verbose_name} {obj.pk}"
            log_reads(viewer=request.user, reads=[(self.personal_data_subject_id(obj), what)])
        return obj


class DepartmentMembershipInline(admin.TabularInline):
    model = DepartmentMembership
    extra = 0
    autocomplete_fields = ["user"]


class CommitteeMembershipInline(admin.TabularInline):
    model = CommitteeMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(LogsPersonalDataReads, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "phone", "preferred_language")}),
        (_("Rettigheder"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)

    def personal_data_subject_id(self, obj) -> int:
        return obj.id


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "working_days_to_first_contact", "accepts_complaints"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DepartmentMembershipInline]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CommitteeMembershipInline]


class CouncilMembershipInline(admin.TabularInline):
    model = CouncilMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "email"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    inlines = [CouncilMembershipInline]


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["created_at", "viewer", "subject", "what"]
    search_fields = ["subject__email", "viewer__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # and the database refuses it too (an append-only trigger)


@admin.register(StaffAction)
class StaffActionAdmin(admin.ModelAdmin):
    """The audit trail, for administrators to read: nobody adds, changes or deletes a row (nor can the database)."""

    list_display = ["at", "actor", "action", "target_type", "target_id"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor__email", "action", "target_type"]
    readonly_fields = ["at", "actor", "action", "target_type", "target_id", "details"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
