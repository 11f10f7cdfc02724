from django.contrib import admin

from classification.models import DepartmentClassification, KleFacet, KleNumber


@admin.register(KleNumber)
class KleNumberAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "level", "active"]
    list_filter = ["level", "active"]
    search_fields = ["number", "title"]
    # The numbers come from the municipality's KLE file (manage.py import_kle), not by hand.
    readonly_fields = ["number", "title", "level", "parent"]

    def has_add_permission(self, request):
        return False


@admin.register(KleFacet)
class KleFacetAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "active"]
    readonly_fields = ["number", "title", "category"]

    def has_add_permission(self, request):
        return False


@admin.register(DepartmentClassification)
class DepartmentClassificationAdmin(admin.ModelAdmin):
    list_display = ["department", "default_subject"]
    autocomplete_fields = ["default_subject"]
