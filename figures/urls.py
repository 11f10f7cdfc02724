from django.urls import path

from figures import views

app_name = "figures"

urlpatterns = [
    path("servicetal/", views.service_page, name="service"),
    path("servicetal/servicetal.csv", views.service_csv, name="service-csv"),
    path("servicetal/ideer.csv", views.ideas_csv, name="ideas-csv"),
]
