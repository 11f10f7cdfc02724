from django.urls import path

from pages import views

app_name = "pages"
urlpatterns = [
    path("tilgaengelighedserklaering/", views.accessibility, name="accessibility"),
    path("privatlivspolitik/", views.privacy, name="privacy"),
]
