from django.urls import path

from retention import views

app_name = "retention"

urlpatterns = [
    path("sletning/", views.overview, name="overview"),
    path("sletning/alle/", views.erasure_create_all, name="erasure-create-all"),
    path("sletning/klage/<int:complaint_id>/", views.erasure_create, name="erasure-create"),
    path("sletning/<int:erasure_request_id>/", views.erasure_detail, name="erasure-detail"),
]
