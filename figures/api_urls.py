from django.urls import path

from figures import api

urlpatterns = [
    path("figures/service/", api.ServiceFiguresApi.as_view(), name="api-figures-service"),
]
