from django.urls import path

from complaints import views

app_name = "complaints"

urlpatterns = [
    path("klager/", views.complaint_list, name="list"),
    path("klager/ny/", views.complaint_create, name="create"),
    path("klager/ny/tjek/", views.complaint_check, name="create-check"),
    path("klager/ny/filer/<int:file_id>/fjern/", views.complaint_draft_file_remove, name="create-file-remove"),
    path("klager/ny/<slug:step>/", views.complaint_step, name="create-step"),
    path("klager/<int:complaint_id>/", views.complaint_detail, name="detail"),
    path("klager/<int:complaint_id>/kvittering/", views.complaint_receipt, name="receipt"),
    path("klager/<int:complaint_id>/afslut/", views.complaint_close, name="close"),
    path("klager/<int:complaint_id>/tilfoej/", views.complaint_add_information, name="add-information"),
    path("klager/<int:complaint_id>/traek-tilbage/", views.complaint_withdraw, name="withdraw"),
    path("klager/<int:complaint_id>/kle/", views.complaint_classify, name="classify"),
    path("klager/<int:complaint_id>/kontakter/<int:log_id>/del/", views.contact_share, name="contact-share"),
    path("klager/<int:complaint_id>/dokumenter/", views.complaint_attachments_page, name="attachments"),
    path(
        "klager/<int:complaint_id>/dokumenter/<int:attachment_id>/<str:file_name>",
        views.attachment_file,
        name="attachment",
    ),
    path("borgerservice/", views.assisted_list, name="assisted-list"),
    path("borgerservice/klager/ny/", views.assisted_create, name="assisted-create"),
    path("borgerservice/klager/<int:complaint_id>/kvittering/", views.assisted_receipt, name="assisted-receipt"),
    path(
        "borgerservice/klager/<int:complaint_id>/kvittering.pdf",
        views.assisted_receipt_pdf,
        name="assisted-receipt-pdf",
    ),
    path("borgerservice/klager/<int:complaint_id>/ny-kode/", views.assisted_new_code, name="assisted-new-code"),
    path("borgerservice/klager/<int:complaint_id>/faerdig/", views.assisted_done, name="assisted-done"),
    path(
        "klager/<int:complaint_id>/fuldmagt/",
        views.complaint_record_representation,
        name="record-representation",
    ),
    path("fuldmagter/", views.representation_list, name="representations"),
    path("fuldmagter/<int:representation_id>/", views.representation_detail, name="representation"),
    path("fuldmagter/<int:representation_id>/svar/", views.representation_answer, name="representation-answer"),
    path("fuldmagter/<int:representation_id>/tilbagekald/", views.representation_end, name="representation-end"),
    path(
        "fuldmagter/<int:representation_id>/dokument/<str:file_name>",
        views.representation_document,
        name="representation-document",
    ),
    path("opgaver/", views.inbox, name="inbox"),
    path("opgaver/<int:task_id>/", views.task_detail, name="task"),
    path("opgaver/<int:task_id>/flyt/", views.task_reassign, name="task-reassign"),
    path("undersoegelse/<str:token>/", views.survey, name="survey"),
]
