from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    Committee,
    CommitteeMembership,
    Council,
    CouncilMembership,
    Department,
    DepartmentMembership,
    PersonalDataAccess,
    User,
)


class DepartmentMembershipInline(admin.TabularInline):
    model = DepartmentMembership
    extra = 0
    autocomplete_fields = ["user"]


class CommitteeMembershipInline(admin.TabularInline):
    model = CommitteeMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "phone", "preferred_language")}),
        (_("Rettigheder"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)


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
