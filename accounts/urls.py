from django.urls import path

from accounts import oidc, views

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    # allauth's own pages (a cancelled or failed MitID login) link to the login page by allauth's name.
    path("accounts/login/", views.LoginView.as_view(), name="account_login"),
    path("accounts/logout/", views.logout, name="logout"),
    path("start/", views.start, name="start"),
    path("auth/oidc/<str:provider_id>/login/", oidc.login, name="openid_connect_login"),
    path("auth/oidc/<str:provider_id>/login/callback/", oidc.callback, name="openid_connect_callback"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("min-profil/", views.profile, name="profile"),
    path("min-profil/api-noegler/", views.api_tokens, name="api-tokens-page"),
    path("min-profil/api-noegler/<uuid:token_id>/afbryd/", views.api_token_end, name="api-token-end"),
    path("mine-data/adgangslog/", views.access_log, name="access-log"),
    path("mine-data/hent/", views.personal_data_download, name="personal-data-download"),
    path("mine-data/hent-sag/", views.claim, name="claim"),
]
