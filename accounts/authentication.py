from django.utils import translation
from rest_framework.authentication import TokenAuthentication


class LanguageAwareTokenAuthentication(TokenAuthentication):
    """Token auth that answers in the user's preferred language (errors included)."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if user.preferred_language:
            translation.activate(user.preferred_language)
        return user, token
