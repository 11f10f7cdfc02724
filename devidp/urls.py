from django.urls import include, path

from devidp import views

urlpatterns = [
    path("vaelg-identitet/", views.pick_identity, name="pick-identity"),
    path("", include("allauth.idp.urls")),
]
