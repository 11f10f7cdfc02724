from django.contrib import admin

from notifications.models import Email, Notice


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ["to_address", "subject", "status", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to_address", "subject"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "created_at", "read_at"]
