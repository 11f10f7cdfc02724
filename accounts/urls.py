from django.urls import path

from accounts import views

urlpatterns = [
    path("mine-data/adgangslog/", views.access_log, name="access-log"),
]
