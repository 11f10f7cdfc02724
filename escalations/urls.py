from django.urls import path

from escalations import views

app_name = "escalations"

urlpatterns = [
    path("udvalg/<slug:slug>/emner/", views.escalation_list, name="list"),
    path("udvalg/<slug:slug>/emner/indstillinger/", views.settings_edit, name="settings"),
    path("udvalg/<slug:slug>/emner/<slug:theme_slug>/", views.theme_page, name="theme"),
    path("eskaleringer/<int:escalation_id>/afvis/", views.escalation_dismiss, name="dismiss"),
    path("eskaleringer/<int:escalation_id>/slaa-sammen/", views.escalation_merge, name="merge"),
]
