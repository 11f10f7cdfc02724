from django.contrib import admin

from committees.models import AgendaItem, AgendaItemSource, Attachment, Location, Meeting


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "number", "title", "item_type", "is_public"]
    readonly_fields = ["number"]
    show_change_link = True


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file_name", "mime_type", "size", "is_internal"]
    readonly_fields = ["file_name", "mime_type", "size"]


class SourceInline(admin.TabularInline):
    model = AgendaItemSource
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["committee", "start", "location", "status"]
    list_filter = ["committee", "status"]
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "meeting", "item_type", "is_public"]
    list_filter = ["committee", "item_type", "is_public"]
    search_fields = ["title", "case_number"]
    inlines = [AttachmentInline, SourceInline]


admin.site.register(Location)
