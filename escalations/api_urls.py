from django.urls import path

from escalations import api

urlpatterns = [
    path("committees/<slug:slug>/escalations/", api.EscalationListApi.as_view(), name="api-committee-escalations"),
    path(
        "committees/<slug:slug>/escalation-settings/",
        api.EscalationSettingsApi.as_view(),
        name="api-committee-escalation-settings",
    ),
    path(
        "committees/<slug:slug>/themes/<slug:theme_slug>/", api.ThemeOverviewApi.as_view(), name="api-committee-theme"
    ),
    path("escalations/<int:escalation_id>/dismiss/", api.EscalationDismissApi.as_view(), name="api-escalation-dismiss"),
    path("escalations/<int:escalation_id>/merge/", api.EscalationMergeApi.as_view(), name="api-escalation-merge"),
]
