from django.urls import path
from django.views.generic import RedirectView

from notifications import views

urlpatterns = [
    path("underretninger/", views.notice_list, name="notice-list"),
    # The list's earlier address, in e-mails already sent.
    path("beskeder/", RedirectView.as_view(pattern_name="notice-list", permanent=True)),
    path("demo/mail/", views.demo_mail, name="demo-mail"),
]
