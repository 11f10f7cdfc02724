from django.contrib import admin

from escalations.models import Escalation, EscalationSettings


@admin.register(EscalationSettings)
class EscalationSettingsAdmin(admin.ModelAdmin):
    list_display = ["committee", "threshold", "window_days", "rise_factor"]
    filter_horizontal = ["themes"]


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):
    list_display = ["theme", "committee", "detected_at", "complaints", "ideas", "reason", "status"]
    list_filter = ["committee", "status", "reason"]
    readonly_fields = [field.name for field in Escalation._meta.fields]

    def has_add_permission(self, request):
        return False
