from django.urls import path

from hearings import views

app_name = "hearings"

urlpatterns = [
    path("hoeringer/", views.hearing_list, name="list"),
    path("hoeringer/ny/", views.hearing_create, name="create"),
    path("hoeringer/<int:hearing_id>/", views.hearing_detail, name="hearing"),
    path("hoeringer/<int:hearing_id>/svar/", views.answer, name="answer"),
    path("hoeringer/<int:hearing_id>/notat/", views.note, name="note"),
    path("hoeringer/<int:hearing_id>/notat.pdf", views.note_document, name="note-pdf"),
    path("hoeringer/<int:hearing_id>/notat/skriv/", views.note_edit, name="note-edit"),
    path("hoeringer/<int:hearing_id>/administrer/", views.manage, name="manage"),
    path("hoeringer/<int:hearing_id>/rediger/", views.hearing_edit, name="edit"),
    path("hoeringer/<int:hearing_id>/afsnit/", views.section_add, name="section-add"),
    path("hoeringer/<int:hearing_id>/afsnit/<int:number>/", views.section_edit, name="section-edit"),
    path("hoeringer/<int:hearing_id>/filer/", views.file_add, name="file-add"),
    path("hoeringer/<int:hearing_id>/filer/<int:file_id>/fjern/", views.file_remove, name="file-remove"),
    path("hoeringer/<int:hearing_id>/filer/<int:file_id>/<str:file_name>", views.hearing_file, name="file"),
    path("hoeringer/<int:hearing_id>/parter/", views.invite, name="invite"),
    path("hoeringer/<int:hearing_id>/parter/<int:invitation_id>/fjern/", views.uninvite, name="uninvite"),
    path("hoeringer/<int:hearing_id>/offentliggoer/", views.publish, name="publish"),
    path("hoeringssvar/<int:answer_id>/moderer/", views.answer_hide, name="answer-hide"),
    path("hoeringssvar/<int:answer_id>/<str:file_name>", views.answer_file, name="answer-file"),
]
