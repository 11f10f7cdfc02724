from django.urls import path

from grants import api

urlpatterns = [
    path("grant-pools/", api.PoolListApi.as_view(), name="api-grant-pools"),
    path("grant-pools/<int:pool_id>/applications/", api.PoolApplicationsApi.as_view(), name="api-grant-applications"),
    path("grant-applications/<int:application_id>/", api.ApplicationDetailApi.as_view(), name="api-grant-application"),
    path(
        "grant-applications/<int:application_id>/submit/",
        api.ApplicationSubmitApi.as_view(),
        name="api-grant-application-submit",
    ),
    path(
        "grant-applications/<int:application_id>/decision/",
        api.ApplicationDecisionApi.as_view(),
        name="api-grant-application-decision",
    ),
    path(
        "grant-applications/<int:application_id>/report/",
        api.ApplicationReportApi.as_view(),
        name="api-grant-application-report",
    ),
]
