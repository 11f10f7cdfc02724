from allauth.idp.oidc.adapter import DefaultOIDCAdapter

from devidp.models import DemoIdentity

# NSIS assurance levels as NemLog-in writes them in the `acr` claim.
NSIS_ACR = {
    "low": "https://data.gov.dk/concept/core/nsis/loa/Low",
    "substantial": "https://data.gov.dk/concept/core/nsis/loa/Substantial",
    "high": "https://data.gov.dk/concept/core/nsis/loa/High",
}
CPR_CLAIM = "dk:gov:cpr"
GROUPS_CLAIM = "groups"


class DemoIdentityAdapter(DefaultOIDCAdapter):
    """The demo identity's own pseudonym as `sub`, plus the claims a MitID broker or Entra ID would send."""

    def get_user_sub(self, client, user) -> str:
        return user.demo_identity.sub

    def get_user_by_sub(self, client, sub: str):
        identity = DemoIdentity.objects.filter(sub=sub).select_related("user").first()
        return identity.user if identity else None

    def get_claims(self, purpose, user, client, scopes, email=None, **kwargs):
        identity = user.demo_identity
        claims = {"sub": identity.sub}
        if "profile" in scopes:
            given, _, family = identity.name.rpartition(" ")
            claims.update(name=identity.name, given_name=given, family_name=family)
        if "email" in scopes:
            claims.update(email=identity.email, email_verified=True)
        if identity.cpr:
            claims[CPR_CLAIM] = identity.cpr
        if identity.groups:
            claims[GROUPS_CLAIM] = identity.groups
        if identity.acr:
            claims["acr"] = identity.acr
        return claims
