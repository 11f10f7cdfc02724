from django.urls import path

from themes import views

app_name = "themes"

urlpatterns = [
    path("emner/", views.theme_list, name="list"),
    path("emner/nyt/", views.theme_create, name="create"),
    path("emner/<int:theme_id>/", views.theme_edit, name="edit"),
    path("emner/traen/", views.train_model, name="train"),
]
