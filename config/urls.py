from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accounts.api import (
    ClaimApi,
    DepartmentListApi,
    PersonalDataApi,
    TokenApi,
    TokenListApi,
    TokenLogoutApi,
    TokenRevokeApi,
)
from core.views import healthz, home

handler500 = "core.views.server_error"

api_urlpatterns = [
    path("auth/token/", TokenApi.as_view(), name="api-token"),
    path("auth/logout/", TokenLogoutApi.as_view(), name="api-logout"),
    path("auth/tokens/", TokenListApi.as_view(), name="api-tokens"),
    path("auth/tokens/<uuid:token_id>/", TokenRevokeApi.as_view(), name="api-token-revoke"),
    path("departments/", DepartmentListApi.as_view(), name="api-departments"),
    path("claims/", ClaimApi.as_view(), name="api-claims"),
    path("me/data/", PersonalDataApi.as_view(), name="api-personal-data"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("complaints.api_urls")),
    path("", include("ideas.api_urls")),
    path("", include("grants.api_urls")),
    path("", include("casework.api_urls")),
    path("", include("budgets.api_urls")),
    path("", include("hearings.api_urls")),
    path("", include("events.api_urls")),
    path("", include("committees.api_urls")),
    path("", include("themes.api_urls")),
    path("", include("figures.api_urls")),
    path("", include("escalations.api_urls")),
    path("", include("dialogue.api_urls")),
    path("", include("access_requests.api_urls")),
]

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("auth/", include("allauth.socialaccount.urls")),
    path("admin/", admin.site.urls),
    path("api/", include(api_urlpatterns)),
    path("oparl/v1.1/", include("committees.oparl_urls")),
    path("", include("complaints.urls")),
    path("", include("ideas.urls")),
    path("", include("grants.urls")),
    path("", include("casework.urls")),
    path("", include("budgets.urls")),
    path("", include("hearings.urls")),
    path("", include("events.urls")),
    path("", include("notifications.urls")),
    path("", include("accounts.urls")),
    path("", include("committees.urls")),
    path("", include("themes.urls")),
    path("", include("figures.urls")),
    path("", include("escalations.urls")),
    path("", include("dialogue.urls")),
    path("", include("access_requests.urls")),
    path("", include("retention.urls")),
    path("", include("pages.urls")),
]
