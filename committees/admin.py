"""Meetings, items and attachments in the admin, to look at only.

Every change goes through the secretary's pages and the API (committees.services): they number the
agenda, tell the proposal sources, store the public agenda and minutes PDFs and keep OParl's tombstones
for what stops being public. An admin edit would skip all of that, so the admin only reads."""

from django.contrib import admin

from committees.models import (
    AgendaItem,
    AgendaItemSource,
    Attachment,
    Location,
    Meeting,
    MeetingFile,
    PaperFile,
    Tombstone,
)


class ReadOnly:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AgendaItemInline(ReadOnly, admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "number", "title", "item_type", "is_public"]
    show_change_link = True


class AttachmentInline(ReadOnly, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file_name", "mime_type", "size", "is_internal"]


class SourceInline(ReadOnly, admin.TabularInline):
    model = AgendaItemSource
    extra = 0


class MeetingFileInline(ReadOnly, admin.TabularInline):
    model = MeetingFile
    extra = 0
    fields = ["kind", "file_name", "size", "updated_at"]


class PaperFileInline(ReadOnly, admin.StackedInline):
    model = PaperFile
    extra = 0
    fields = readonly_fields = ["file_name", "size", "updated_at"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["committee", "start", "location", "status"]
    list_filter = ["committee", "status"]
    inlines = [AgendaItemInline, MeetingFileInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["number", "title", "meeting", "item_type", "is_public"]
    list_filter = ["committee", "item_type", "is_public"]
    search_fields = ["title", "case_number"]
    inlines = [AttachmentInline, SourceInline, PaperFileInline]


@admin.register(Tombstone)
class TombstoneAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["kind", "object_id", "deleted_at"]
    list_filter = ["kind"]


admin.site.register(Location)
