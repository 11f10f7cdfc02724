import pytest
from django.conf import settings as django_settings

from config.settings import oidc_provider_apps
from tests.identity.devidp_process import running_devidp


@pytest.fixture(scope="session")
def devidp():
    """The local OpenID provider, with Borgerdialog registered at the Django test client's address."""
    with running_devidp("http://testserver") as idp:
        yield idp


def configure_for(settings, idp_url: str) -> None:
    settings.OIDC_CITIZEN = {
        **django_settings.OIDC_CITIZEN,
        "issuer": idp_url,
        "client_id": "borgerdialog-mitid",
        "secret": "devidp-demo-secret",
        "cpr_claim": "dk:gov:cpr",
    }
    settings.OIDC_STAFF = {
        **django_settings.OIDC_STAFF,
        "issuer": idp_url,
        "client_id": "borgerdialog-medarbejder",
        "secret": "devidp-demo-secret",
        "group_roles": django_settings.DEVIDP_GROUP_ROLES,
    }
    settings.SOCIALACCOUNT_PROVIDERS = oidc_provider_apps(settings.OIDC_CITIZEN, settings.OIDC_STAFF)


@pytest.fixture
def oidc(settings, devidp):
    configure_for(settings, devidp.url)
    return devidp
