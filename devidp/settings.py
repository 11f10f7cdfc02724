"""Settings of the local OpenID provider: a separate Django project, for development and tests only.

It stands in for a MitID broker and for the municipality's staff identity provider. It runs in its own
process (`python devidp/serve.py`), with its own SQLite database and its own signing key, and never
shares code or data with Borgerdialog: the product talks to it only over HTTP, as to a real provider.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
STATE_DIR = Path(os.environ.get("DEVIDP_STATE_DIR", BASE_DIR.parent / ".local" / "devidp"))

SECRET_KEY = os.environ.get("DEVIDP_SECRET_KEY", "devidp-local-only-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "allauth",
    "allauth.account",
    "allauth.idp.oidc",
    "devidp",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]
ROOT_URLCONF = "devidp.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": STATE_DIR / "devidp.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
# The provider keeps no password of a person, and its clients' one secret is published (devidp/clients.py):
# Django's PBKDF2 (a million rounds, about half a second per token request) would protect nothing here, and it
# took the test suite's local providers about 90 s of CPU.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "pick-identity"
LANGUAGE_CODE = "da"
USE_TZ = True
TIME_ZONE = "Europe/Copenhagen"
SESSION_COOKIE_NAME = "devidp_session"  # the product runs on the same host, with its own cookie
CSRF_COOKIE_NAME = "devidp_csrftoken"

IDP_OIDC_PRIVATE_KEY = (STATE_DIR / "signing-key.pem").read_text() if (STATE_DIR / "signing-key.pem").exists() else ""
IDP_OIDC_ADAPTER = "devidp.adapter.DemoIdentityAdapter"
IDP_OIDC_RP_INITIATED_LOGOUT_ASKS_FOR_OP_LOGOUT = False
IDP_OIDC_ID_TOKEN_EXPIRES_IN = 5 * 60
