from django.urls import path

from ideas import views

app_name = "ideas"

urlpatterns = [
    path("idetavler/", views.board_list, name="board-list"),
    path("idetavler/<slug:slug>/", views.board_detail, name="board"),
    path("idetavler/<slug:slug>/ny-ide/", views.idea_create, name="create"),
    path("borgerservice/ideer/ny/", views.assisted_idea_create, name="assisted-create"),
    path("borgerservice/ideer/<int:idea_id>/kvittering/", views.assisted_idea_receipt, name="assisted-receipt"),
    path("ideer/<int:idea_id>/", views.idea_detail, name="idea"),
    path("ideer/<int:idea_id>/kvittering/", views.idea_receipt, name="receipt"),
    path("ideer/<int:idea_id>/ret/", views.idea_edit, name="edit"),
    path("ideer/<int:idea_id>/stoet/", views.idea_support, name="support"),
    path("ideer/<int:idea_id>/traek-stoette-tilbage/", views.idea_withdraw_support, name="withdraw"),
    path("ideer/<int:idea_id>/kommentarer/", views.comment_create, name="comment"),
    path("ideer/<int:idea_id>/anmeld/", views.idea_report, name="report"),
    path("ideer/<int:idea_id>/foreslaa/", views.idea_propose, name="propose"),
    path("ideer/<int:idea_id>/skjul/", views.idea_hide, name="hide"),
    path("ideer/<int:idea_id>/emner/", views.idea_themes, name="themes"),
    path("ideer/<int:idea_id>/vis/", views.idea_unhide, name="unhide"),
    path("kommentarer/<int:comment_id>/ret/", views.comment_edit, name="comment-edit"),
    path("kommentarer/<int:comment_id>/anmeld/", views.comment_report, name="comment-report"),
    path("kommentarer/<int:comment_id>/skjul/", views.comment_hide, name="comment-hide"),
    path("kommentarer/<int:comment_id>/vis/", views.comment_unhide, name="comment-unhide"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/anmeldelser/<int:report_id>/afvis/", views.report_dismiss, name="report-dismiss"),
]
