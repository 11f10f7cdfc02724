from django.urls import path

from casework import views

app_name = "casework"

urlpatterns = [
    path("klager/<int:complaint_id>/partshoering/", views.hearing_create, name="hearing-create"),
    path("partshoeringer/<int:hearing_id>/", views.hearing_detail, name="hearing"),
    path("klager/<int:complaint_id>/afgoerelse/", views.decision_create, name="decision-create"),
    path("afgoerelser/<int:decision_id>/", views.decision_detail, name="decision"),
    path("afgoerelser/<int:decision_id>/afgoerelse.pdf", views.decision_pdf, name="decision-pdf"),
    path("klager/<int:complaint_id>/genvurdering/", views.forward_create, name="forward"),
    path("genvurderinger/<int:reassessment_id>/klagepakke.pdf", views.klagepakke_pdf, name="klagepakke"),
    path("genvurderinger/<int:reassessment_id>/klagepakke.zip", views.klagepakke_zip, name="klagepakke-zip"),
]
