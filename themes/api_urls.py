from django.urls import path

from themes import api

urlpatterns = [
    path("themes/", api.ThemeListCreateApi.as_view(), name="api-themes"),
    path("themes/<int:theme_id>/", api.ThemeDetailApi.as_view(), name="api-theme-detail"),
]
