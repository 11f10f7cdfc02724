from django.contrib import admin

from retention.models import AnonymisationLog, ErasureRequest, RetentionPeriod


@admin.register(RetentionPeriod)
class RetentionPeriodAdmin(admin.ModelAdmin):
    list_display = ["kle_subject", "department", "years"]
    autocomplete_fields = ["kle_subject"]


@admin.register(AnonymisationLog)
class AnonymisationLogAdmin(admin.ModelAdmin):
    list_display = ["complaint", "reason", "rule", "created_at"]
    readonly_fields = ["complaint", "reason", "rule", "removed", "actor", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "scope", "status", "created_at", "decided_at"]
    readonly_fields = [
        "citizen", "scope", "complaint", "reference", "reason", "status", "grounds", "kept_cases", "decided_at",
        "decided_by",
    ]  # fmt: skip
