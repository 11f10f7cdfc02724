from django.urls import path

from access_requests import views

app_name = "access_requests"

urlpatterns = [
    path("aktindsigt/", views.request_list, name="list"),
    path("aktindsigt/ny/", views.request_create, name="create"),
    path("aktindsigt/<int:access_request_id>/", views.request_detail, name="detail"),
    path("aktindsigt/<int:access_request_id>/sag/", views.request_identify_case, name="identify-case"),
    path("aktindsigt/<int:access_request_id>/opdater/", views.request_refresh, name="refresh"),
    path("aktindsigt/<int:access_request_id>/fristbrev/", views.request_late_letter, name="late-letter"),
    path("aktindsigt/<int:access_request_id>/afgoer/", views.request_decide, name="decide"),
    path("aktindsigt/<int:access_request_id>/fristbrev.pdf", views.late_letter_pdf, name="late-letter-pdf"),
    path("aktindsigt/<int:access_request_id>/dokumenter.pdf", views.released_documents_pdf, name="released-pdf"),
    path(
        "aktindsigt/<int:access_request_id>/bilag/<int:document_id>/<str:file_name>",
        views.released_file,
        name="released-file",
    ),
]
