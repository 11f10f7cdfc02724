from django.contrib import admin

from dialogue.models import Message, Participant, Thread


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["user"]
    readonly_fields = ["last_read_id", "emailed_up_to"]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "department", "created_at"]
    list_filter = ["department"]
    search_fields = ["title"]
    inlines = [ParticipantInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["id", "thread", "seq", "author", "kind", "created_at", "hidden_at"]
    list_filter = ["kind"]
    raw_id_fields = ["thread", "author", "reply_to", "hidden_by"]
    readonly_fields = ["thread", "seq", "author", "kind", "body", "client_id", "reply_to", "created_at"]
