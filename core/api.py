"""How the REST API answers errors raised by services."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from core.ratelimit import RateLimited


def exception_handler(exc, context):
    """Services raise Django's ValidationError; the API answers it as field errors (400), and a rate limit
    (core.ratelimit.RateLimited) as 429 with Retry-After."""
    if isinstance(exc, RateLimited):
        exc = exceptions.Throttled(wait=exc.retry_after, detail=exc.messages[0])
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    return drf_exception_handler(exc, context)
