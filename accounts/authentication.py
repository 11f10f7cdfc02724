from django.utils import timezone, translation
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication


class LanguageAwareTokenAuthentication(TokenAuthentication):
    """django-rest-knox's token auth (one token per device, with an expiry), answering in the user's preferred
    language (errors included). The header stays `Authorization: Token <token>`."""

    def authenticate_credentials(self, token):
        user, auth_token = super().authenticate_credentials(token)
        if user.preferred_language:
            translation.activate(user.preferred_language)
        return user, auth_token

    def _cleanup_token(self, auth_token) -> bool:
        """Whether this token has run out (then it goes). knox would also read all her other tokens on every
        request to delete the expired ones; accounts.services.issue_api_token does that when she logs in."""
        if auth_token.expiry is not None and auth_token.expiry < timezone.now():
            auth_token.delete()
            return True
        return False


class TokenScheme(OpenApiAuthenticationExtension):
    """The OpenAPI schema's name for it, as before knox: `tokenAuth`, header `Authorization: Token <token>`."""

    target_class = "accounts.authentication.LanguageAwareTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Token")  # noqa: S106 - the scheme word
