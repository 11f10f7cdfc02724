"""The CPR number as Borgerdialog keeps it: a keyed hash to match, optionally Fernet-encrypted at rest.

Nothing here logs, prints or returns a CPR number except `decrypt`, which only `services.read_cpr` calls
(and that call is written to the personal-data access log).
"""

import hashlib
import hmac
import re

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_CPR = re.compile(r"^\d{10}$")


def normalize(cpr: str) -> str | None:
    """Ten digits (a hyphen or spaces allowed in between), or None when it is not a CPR number's shape."""
    digits = re.sub(r"[\s-]", "", cpr or "")
    return digits if _CPR.match(digits) else None


def is_configured() -> bool:
    return bool(settings.CPR_HASH_KEY)


def keyed_hash(cpr: str) -> str:
    """HMAC-SHA256 of the normalised number with CPR_HASH_KEY: the same person always gives the same value."""
    if not settings.CPR_HASH_KEY:
        raise ImproperlyConfigured("CPR_HASH_KEY is not set; CPR numbers are not kept.")
    digits = normalize(cpr)
    if digits is None:
        raise ValueError("not a CPR number")
    return hmac.new(settings.CPR_HASH_KEY.encode(), digits.encode(), hashlib.sha256).hexdigest()


def encrypt(cpr: str) -> str:
    """Fernet token of the number when CPR_ENCRYPTION_KEY is set, else the empty string (nothing kept)."""
    if not settings.CPR_ENCRYPTION_KEY:
        return ""
    return Fernet(settings.CPR_ENCRYPTION_KEY.encode()).encrypt(normalize(cpr).encode()).decode()


def decrypt(token: str) -> str:
    return Fernet(settings.CPR_ENCRYPTION_KEY.encode()).decrypt(token.encode()).decode()
