from django.utils import translation
from knox.auth import TokenAuthentication


class LanguageAwareTokenAuthentication(TokenAuthentication):
    """django-rest-knox's token auth (one token per device, with an expiry), answering in the user's preferred
    language (errors included). The header stays `Authorization: Token <token>`."""

    def authenticate_credentials(self, token):
        user, auth_token = super().authenticate_credentials(token)
        if user.preferred_language:
            translation.activate(user.preferred_language)
        return user, auth_token
