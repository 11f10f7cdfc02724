from django.contrib import admin

from pages.models import AccessibilityStatement, PrivacyNotice


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "compliance", "reviewed_on", "updated_at"]
    fieldsets = [
        (None, {"fields": ["compliance"]}),
        ("Ikke-tilgængeligt indhold", {"fields": ["not_compliant", "disproportionate_burden", "outside_scope"]}),
        ("Udarbejdelse", {"fields": ["prepared_on", "reviewed_on", "method"]}),
        ("Feedback og kontakt", {"fields": ["feedback", "contact_email"]}),
    ]


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]
