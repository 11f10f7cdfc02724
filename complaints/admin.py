from django.contrib import admin

from complaints.models import Complaint, ComplaintAttachment, ComplaintEvent, ContactLog, ContactTask, Survey


class EventInline(admin.TabularInline):
    model = ComplaintEvent
    extra = 0
    readonly_fields = ["kind", "actor", "note", "created_at"]


class AttachmentInline(admin.TabularInline):
    """Read only: documents come in through the service, which checks their content."""

    model = ComplaintAttachment
    extra = 0
    fields = ["title", "kind", "file_name", "mime_type", "size", "added_by_staff", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["id", "subject", "department", "status", "outcome", "created_at"]
    list_filter = ["status", "outcome", "department", "kind"]
    search_fields = ["subject", "case_number"]
    inlines = [EventInline, AttachmentInline]


@admin.register(ContactTask)
class ContactTaskAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "complaint", "assignee", "due_at", "status"]
    list_filter = ["kind", "status", "department"]


admin.site.register(ContactLog)
admin.site.register(Survey)
