from django.contrib import admin

from accounts.admin import LogsPersonalDataReads
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    ContactLog,
    ContactTask,
    Representation,
    Survey,
)


class EventInline(admin.TabularInline):
    model = ComplaintEvent
    extra = 0
    readonly_fields = ["kind", "actor", "representation", "note", "created_at"]


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
class ComplaintAdmin(LogsPersonalDataReads, admin.ModelAdmin):
    list_display = ["id", "subject", "department", "status", "outcome", "created_at"]
    list_filter = ["status", "outcome", "department", "kind"]
    search_fields = ["subject", "case_number"]
    inlines = [EventInline, AttachmentInline]

    def personal_data_subject_id(self, obj) -> int:
        return obj.citizen_id


class OfComplaintAdmin(LogsPersonalDataReads, admin.ModelAdmin):
    """A part of a complaint (its task, contact log, survey): the page shows the citizen's data."""

    def personal_data_subject_id(self, obj) -> int:
        return obj.complaint.citizen_id


@admin.register(ContactTask)
class ContactTaskAdmin(OfComplaintAdmin):
    list_display = ["id", "kind", "complaint", "assignee", "due_at", "status"]
    list_filter = ["kind", "status", "department"]


admin.site.register(ContactLog, OfComplaintAdmin)
admin.site.register(Survey, OfComplaintAdmin)


@admin.register(Representation)
class RepresentationAdmin(LogsPersonalDataReads, admin.ModelAdmin):
    """Read-only: powers of attorney change through the services (pages and API), which keep the threads and the
    sockets in step; the document is opened through its page, where staff reads are logged."""

    list_display = ["id", "representative", "principal", "complaint", "status", "source", "valid_from", "valid_until"]
    list_filter = ["status", "source"]
    exclude = ["document"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def personal_data_subject_id(self, obj) -> int:
        return obj.principal_id
