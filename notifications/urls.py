from django.urls import path

from notifications import views

urlpatterns = [
    path("beskeder/", views.notice_list, name="notice-list"),
    path("demo/mail/", views.demo_mail, name="demo-mail"),
]
