from django.urls import path

from dialogue import views

app_name = "dialogue"

urlpatterns = [
    path("samtaler/<int:thread_id>/", views.thread_detail, name="thread"),
    path("samtaler/<int:thread_id>/beskeder/<int:message_id>/skjul/", views.hide, name="hide"),
]
