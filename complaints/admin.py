from django.contrib import admin

from complaints.models import Complaint, ComplaintEvent, ContactLog, ContactTask, Survey


class EventInline(admin.TabularInline):
    model = ComplaintEvent
    extra = 0
    readonly_fields = ["kind", "actor", "note", "created_at"]


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["id", "subject", "department", "status", "outcome", "created_at"]
    list_filter = ["status", "outcome", "department", "kind"]
    search_fields = ["subject", "case_number"]
    inlines = [EventInline]


@admin.register(ContactTask)
class ContactTaskAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "complaint", "assignee", "due_at", "status"]
    list_filter = ["kind", "status", "department"]


admin.site.register(ContactLog)
admin.site.register(Survey)
