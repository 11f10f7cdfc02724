from django.urls import path

from committees import views

app_name = "committees"

urlpatterns = [
    path("udvalg/", views.committee_list, name="list"),
    path("udvalg/<slug:slug>/", views.committee_detail, name="detail"),
    path("udvalg/<slug:slug>/moeder/nyt/", views.meeting_create, name="meeting-create"),
    path("udvalg/<slug:slug>/forslag/", views.proposal_list, name="proposals"),
    path("udvalg/<slug:slug>/forslag/placer/", views.proposal_place, name="proposal-place"),
    path("moeder/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path("moeder/<int:meeting_id>/dokument.pdf", views.meeting_document_pdf, name="meeting-pdf"),
    path("moeder/<int:meeting_id>/filer/<str:kind>/<str:file_name>", views.meeting_file, name="meeting-file"),
    path(
        "moeder/<int:meeting_id>/filer/<str:kind>/hent/<str:file_name>",
        views.meeting_file,
        {"download": True},
        name="meeting-file-download",
    ),
    path("moeder/<int:meeting_id>/rediger/", views.meeting_edit, name="meeting-edit"),
    path("moeder/<int:meeting_id>/punkter/nyt/", views.item_create, name="item-create"),
    path(
        "moeder/<int:meeting_id>/offentliggoer-dagsorden/",
        views.meeting_action,
        {"action": "publish-agenda"},
        name="publish-agenda",
    ),
    path("moeder/<int:meeting_id>/afholdt/", views.meeting_action, {"action": "held"}, name="mark-held"),
    path(
        "moeder/<int:meeting_id>/offentliggoer-referat/",
        views.meeting_action,
        {"action": "publish-minutes"},
        name="publish-minutes",
    ),
    path("punkter/<int:item_id>/rediger/", views.item_edit, name="item-edit"),
    path("punkter/<int:item_id>/flyt/", views.item_move, name="item-move"),
    path("punkter/<int:item_id>/fjern/", views.item_remove, name="item-remove"),
    path("punkter/<int:item_id>/beslutning/", views.item_decision, name="item-decision"),
    path("punkter/<int:item_id>/advarsel/", views.item_override_warning, name="item-override-warning"),
    path("punkter/<int:item_id>/bilag/", views.attachment_add, name="attachment-add"),
    path("punkter/<int:item_id>/sagsfremstilling/<str:file_name>", views.paper_file, name="paper-file"),
    path(
        "punkter/<int:item_id>/sagsfremstilling/hent/<str:file_name>",
        views.paper_file,
        {"download": True},
        name="paper-file-download",
    ),
    path("bilag/<int:attachment_id>/fjern/", views.attachment_remove, name="attachment-remove"),
    path("bilag/<int:attachment_id>/<str:file_name>", views.attachment_file, name="attachment"),
    path(
        "bilag/<int:attachment_id>/hent/<str:file_name>",
        views.attachment_file,
        {"download": True},
        name="attachment-download",
    ),
]
