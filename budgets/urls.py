from django.urls import path

from budgets import views

app_name = "budgets"

urlpatterns = [
    path("borgerbudgetter/", views.budget_list, name="list"),
    path("borgerbudgetter/<slug:slug>/", views.budget_detail, name="budget"),
    path("borgerbudgetter/<slug:slug>/nyt-projekt/", views.project_create, name="propose"),
    path("borgerbudgetter/<slug:slug>/stem/", views.ballot, name="ballot"),
    path("borgerbudgetter/<slug:slug>/luk-fase/", views.close_phase, name="close-phase"),
    path("borgerbudgetter/<slug:slug>/offentliggoer-vurdering/", views.publish_review, name="publish-review"),
    path("borgerbudgetter/<slug:slug>/papirstemmer/", views.paper_ballots, name="paper"),
    path("borgerbudgetter/<slug:slug>/beregn-resultat/", views.compute_results, name="compute"),
    path("borgerbudgetter/<slug:slug>/offentliggoer-resultat/", views.publish_results, name="publish-results"),
    path("borgerbudget-projekter/<int:project_id>/", views.project_detail, name="project"),
    path("borgerbudget-projekter/<int:project_id>/kvittering/", views.project_receipt, name="project-receipt"),
    path("borgerbudget-projekter/<int:project_id>/stoet/", views.project_support, name="support"),
    path("borgerbudget-projekter/<int:project_id>/foelg/", views.project_follow, name="follow"),
    path("borgerbudget-projekter/<int:project_id>/kommentarer/", views.project_comment, name="comment"),
    path("borgerbudget-projekter/<int:project_id>/vurdering/", views.project_review, name="review"),
    path("borgerbudget-projekter/<int:project_id>/fremdrift/", views.project_progress, name="progress"),
]
