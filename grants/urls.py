from django.urls import path

from grants import views

app_name = "grants"

urlpatterns = [
    path("puljer/", views.pool_list, name="pool-list"),
    path("puljer/<slug:slug>/", views.pool_detail, name="pool"),
    path("puljer/<slug:slug>/ansoeg/", views.application_start, name="start"),
    path("puljer/<slug:slug>/ansoegninger/", views.review_queue, name="queue"),
    path("ansoegninger/<int:application_id>/", views.application_detail, name="application"),
    path("ansoegninger/<int:application_id>/trin/<int:step>/", views.application_step, name="step"),
    path("ansoegninger/<int:application_id>/send/", views.application_submit, name="submit"),
    path("ansoegninger/<int:application_id>/kvittering/", views.application_receipt, name="receipt"),
    path("ansoegninger/<int:application_id>/traek-tilbage/", views.application_withdraw, name="withdraw"),
    path("ansoegninger/<int:application_id>/svar/", views.application_answer, name="answer"),
    path("ansoegninger/<int:application_id>/spoergsmaal/", views.application_question, name="question"),
    path("ansoegninger/<int:application_id>/point/", views.application_score, name="score"),
    path("ansoegninger/<int:application_id>/afgoerelse/", views.application_decide, name="decide"),
    path("ansoegninger/<int:application_id>/rapport/", views.application_report, name="report"),
    path("ansoegninger/<int:application_id>/udbetaling/", views.application_payout, name="payout"),
    path("ansoegninger/<int:application_id>/afgoerelsesbrev/", views.decision_letter, name="letter"),
    path("ansoegninger/<int:application_id>/afgoerelsesbrev.pdf", views.decision_letter, name="letter-pdf"),
    path(
        "ansoegninger/<int:application_id>/bilag/<int:attachment_id>/fjern/",
        views.attachment_remove,
        name="attachment-remove",
    ),
    path(
        "ansoegninger/<int:application_id>/bilag/<int:attachment_id>/<str:file_name>",
        views.attachment_file,
        name="attachment",
    ),
]
