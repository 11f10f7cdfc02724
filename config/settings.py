"""Settings for Borgerdialog, read from the environment.

Safe by default: DEBUG is off, hosts are locked down and a secret key must be
given, unless DEMO=1 (the local `make run` and the tests) says otherwise. DEMO=1
still runs with DEBUG off, so a new user sees the product's own error pages; only a
developer who asks for Django's debug pages sets DEBUG=1 (`make dev`). DEMO=1 means
plain http:// on this machine: no secure-only cookies, no HTTPS redirect, no HSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEMO = env_flag("DEMO")
DEBUG = env_flag("DEBUG")
# Plain http:// on 127.0.0.1 (the demo, the tests, a developer): HTTPS-only defaults off.
PLAIN_HTTP = DEMO or DEBUG

# Without SECRET_KEY (and outside demo mode) the key stays empty: management commands
# such as migrate still run, but the web server and the worker refuse to start
# (config/asgi.py, config/celery.py), and Django refuses anything that signs.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEMO:
    SECRET_KEY = "demo-only-not-secret"  # noqa: S105 - only ever used with DEMO=1

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEMO else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Holbæk Kommune")
# The logo in the header: a path among the static files or an absolute URL.
MUNICIPALITY_LOGO = os.environ.get("MUNICIPALITY_LOGO", "img/kommune-logo.svg")
# The footer's contact information.
MUNICIPALITY_CONTACT = {
    "address": os.environ.get("MUNICIPALITY_ADDRESS", "Kanalstræde 2, 4300 Holbæk"),
    "phone": os.environ.get("MUNICIPALITY_PHONE", "72 36 36 36"),
    "email": os.environ.get("MUNICIPALITY_EMAIL", "kommunen@holbaek.example.dk"),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "knox",
    "csp",
    "drf_spectacular",
    "channels",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "pgtrigger",
    "core",
    "documents",
    "accounts",
    "pages",
    "notifications",
    "themes",
    "dialogue",
    "classification",
    "complaints",
    "ideas",
    "access_requests",
    "grants",
    "casework",
    "budgets",
    "hearings",
    "events",
    "committees",
    "figures",
    "escalations",
    "retention",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.NoStoreForPersonalDataMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RejectUnreadableInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.LoginSessionMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.BackToTheFormMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it turns a refused login anywhere (login page, admin, token API) into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/borgerdialog"),
    )
}
# A read-only replica for the committees' statistics (config/db_router.py); without it they read the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # tests read "the replica" from the test database
    DATABASE_ROUTERS = ["config.db_router.StatisticsReplicaRouter"]
# Under ASGI, Django's persistent connections do not fit (requests run in many threads); psycopg's
# connection pool does, one per process and database: size it explicitly, since every ASGI process and
# every worker process has its own (processes × DB_POOL_MAX_SIZE must stay below PostgreSQL's
# max_connections, or put PgBouncer in front). DB_POOL=0 turns it off.
# Behind PgBouncer in transaction mode (DB_PGBOUNCER=1): no server-side prepared statements
# (prepare_threshold None) and no server-side cursors, since consecutive transactions may run on
# different server connections; the pool may stay (it pools connections to PgBouncer).
DB_POOL_MAX_SIZE = int(os.environ.get("DB_POOL_MAX_SIZE", "10"))
for _database in DATABASES.values():
    _options = _database.setdefault("OPTIONS", {})
    if env_flag("DB_POOL", default=True):
        # A request waits at most DB_POOL_TIMEOUT seconds for a connection; with PostgreSQL unreachable it then
        # gets the 503 page (core.views.server_error). Each connection is checked as it is taken, so after a
        # restart of PostgreSQL the pool drops its dead connections at once instead of failing requests on them.
        _options["pool"] = {
            "min_size": 1,
            "max_size": DB_POOL_MAX_SIZE,
            "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "3")),
        }
        _database["CONN_HEALTH_CHECKS"] = True  # with the pool: ConnectionPool.check_connection on every checkout
    # PostgreSQL plans every statement anew (Django binds parameters on the client, so nothing is prepared), and
    # with the default join_collapse_limit of 8 it searches every order of a select_related() query's joins:
    # 12 ms to plan the complaint page's first query (nine tables, 0.4 ms to run it), 1.7 ms at 4. Django writes
    # the joins from the filtered table outwards along its foreign keys, the order such queries want; smaller
    # groups of joins are still reordered freely. Behind PgBouncer set it on the role or database instead
    # (ALTER ROLE … SET join_collapse_limit = 4): PgBouncer passes no startup options.
    if not env_flag("DB_PGBOUNCER"):
        _options.setdefault("options", f"-c join_collapse_limit={int(os.environ.get('DB_JOIN_COLLAPSE_LIMIT', '4'))}")
    # Opening a connection to an unreachable PostgreSQL gives up after this many seconds.
    _options.setdefault("connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "2")))
    if env_flag("DB_PGBOUNCER"):
        _options["prepare_threshold"] = None
        _database["DISABLE_SERVER_SIDE_CURSORS"] = True
# Threads for the sockets' database calls in each ASGI process (dialogue/consumers.py); below the pool size,
# so that pages keep connections of their own.
SOCKET_DATABASE_THREADS = int(os.environ.get("SOCKET_DATABASE_THREADS", str(max(1, DB_POOL_MAX_SIZE // 2))))

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "core.fanout.GroupNamingChannelLayer",  # channels_redis's, naming the group of a message
        "CONFIG": {
            "hosts": [
                {
                    "address": REDIS_URL,
                    # The layer waits for messages with a 5-second blocking pop; redis-py 8 reads with a
                    # 5-second timeout by default, which would tear down every idle socket after 5 seconds.
                    "socket_timeout": 15,
                    # A burst of sockets (everyone reconnecting after a restart) must not run out of connections.
                    "max_connections": int(os.environ.get("CHANNEL_REDIS_MAX_CONNECTIONS", "1000")),
                }
            ],
            "prefix": os.environ.get("CHANNEL_PREFIX", "asgi"),
        },
    }
}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
    # Per process, for what is keyed by its own content and so never stale (the service figures' rendered
    # tables, figures.selectors.ServiceFigures.fingerprint): no network, and a page that needs no Redis.
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "borgerdialog-local",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
}

AUTH_USER_MODEL = "accounts.User"
# Password login (the demo, local administrators) can be switched off: PASSWORD_LOGIN=0 removes the
# password backend, so the login form, the admin login and the API token endpoint all refuse passwords.
PASSWORD_LOGIN = env_flag("PASSWORD_LOGIN", default=True)
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a password login for an account or an address with too many failures.
    *(["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"] if PASSWORD_LOGIN else []),
    "rules.permissions.ObjectPermissionBackend",
]
# Brute-force protection of every password door (login page, admin, API token): after AXES_FAILURE_LIMIT
# failures for one account, or from one address, that account or address is refused for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The e-mail arrives as "username" on every password door (Django's login form, the admin, DRF's token).
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Behind a reverse proxy, the number of proxies in X-Forwarded-For that are ours (0: use the peer address).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"  # each role its own start page (accounts.navigation.start_url)
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "da"
# Each language named in its own language and never translated (a Dane reading English pages still finds
# "Dansk"; Django's Danish catalogue would turn "English" into "engelsk").
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# Our own date formats per language (config/formats/): "3. december 2026 kl. 14.30" and "3 December 2026 at 14:30".
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Det Fælles Designsystem, fetched by platform/dkfds.py (never committed), served as static/dkfds/.
STATICFILES_DIRS = [BASE_DIR / "static", ("dkfds", BASE_DIR / ".local" / "dkfds")]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / ".local" / "staticfiles"))
# Static files are served by the ASGI process itself; in the demo and development straight from the apps
# (no collectstatic step), in production from STATIC_ROOT.
WHITENOISE_USE_FINDERS = PLAIN_HTTP
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".local" / "media"))
# Files whose access depends on who asks (committee attachments) live outside MEDIA_ROOT and are
# only ever served by a view that checks permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / ".local" / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT / "attachments", "base_url": "/unused/"},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", default=not PLAIN_HTTP)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS only in production (the demo and the tests run on plain http://127.0.0.1): every http:// request is
# redirected (but /healthz, which the container's health check asks over plain HTTP), and browsers are told
# for a year, subdomains included, to come back on HTTPS only. Behind a proxy, uvicorn's --proxy-headers takes
# the scheme from X-Forwarded-Proto (config/server.py).
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not PLAIN_HTTP)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if PLAIN_HTTP else str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): scripts, styles, fonts and images from our own origin only, no inline
# script or style (no 'unsafe-inline'), no plug-ins, no framing; the sockets are same-origin ('self').
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# E-mail: SMTP in production; in demo mode every mail is kept in the outbox
# table (as always) and readable on /demo/mail/, and nothing leaves the machine.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.locmem.EmailBackend" if DEMO else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "borgerdialog@kommune.example.dk")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.LanguageAwareTokenAuthentication",  # django-rest-knox's, per device
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "core.pagination.CappedLimitOffsetPagination",
    # The browsable API is a developer's tool: only with DEBUG (`make dev`), never in the demo or production.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
}
# API tokens (django-rest-knox): one per device, kept as a digest, with an expiry; ended by the device's logout,
# from the user's list, and by a change of her password (accounts.services).
KNOX_TOKEN_MODEL = "knox.AuthToken"  # noqa: S105 - knox's own model (a model name, no secret); it must be set
API_TOKEN_TTL = timedelta(days=int(os.environ.get("API_TOKEN_DAYS", "30")))
API_TOKENS_PER_USER = 20
REST_KNOX = {"TOKEN_TTL": API_TOKEN_TTL, "AUTH_HEADER_PREFIX": "Token", "AUTO_REFRESH": False}
SPECTACULAR_SETTINGS = {
    "TITLE": "Borgerdialog API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "IdeaStatusEnum": "ideas.models.Idea.Status",
        "BoardPhaseEnum": "ideas.models.Board.Phase",
        "AgendaItemOutcomeEnum": "committees.models.AgendaItem.Outcome",
        "MeetingStatusEnum": "committees.models.Meeting.Status",
        "ProposalKindEnum": "committees.models.AgendaItemSource.Kind",
        "GrantApplicationStatusEnum": "grants.models.Application.Status",
        "GrantTargetGroupEnum": "grants.models.Application.TargetGroup",
        "GrantElectionEnum": "grants.models.Round.Election",
        "GrantOutcomeEnum": "grants.services.OUTCOMES",
        "ComplaintKindEnum": "complaints.models.Complaint.Kind",
        "ComplaintStatusEnum": "complaints.models.Complaint.Status",
        "HearingKindEnum": "casework.models.Hearing.Kind",
        "HearingStatusEnum": "casework.models.Hearing.Status",
        "ComplaintDecisionKindEnum": "casework.models.Decision.Kind",
        "ComplaintAttachmentKindEnum": "complaints.models.ComplaintAttachment.Kind",
        "EventKindEnum": "events.models.Event.Kind",
        "EventRegistrationStatusEnum": "events.models.Registration.Status",
    },
}

# Celery: the Redis broker; tasks are enqueued after commit and every task is
# idempotent, so a redelivery or a second run changes nothing.
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request must not hang when Redis is away: publishing gives up quickly and
# the beat sweepers pick up what was not enqueued.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_BEAT_SCHEDULE = {
    # A representation's last day is in the rules already; this closes the representatives' sockets after it.
    "complaints-expire-representations": {
        "task": "complaints.tasks.expire_representations",
        "schedule": crontab(minute=5),
    },
    "complaints-remind-due-tasks": {"task": "complaints.tasks.remind_due_tasks", "schedule": timedelta(minutes=1)},
    "complaints-escalate-overdue-tasks": {
        "task": "complaints.tasks.escalate_overdue_tasks",
        "schedule": timedelta(minutes=1),
    },
    "complaints-sweep-missing-early-contact": {
        "task": "complaints.tasks.sweep_missing_early_contact",
        "schedule": timedelta(minutes=1),
    },
    "complaints-sweep-unacknowledged-complaints": {
        "task": "complaints.tasks.sweep_unacknowledged_complaints",
        "schedule": timedelta(minutes=1),
    },
    "complaints-sweep-unsuggested-themes": {
        "task": "complaints.tasks.sweep_unsuggested_themes",
        "schedule": timedelta(minutes=5),
    },
    "ideas-sweep-unsuggested-themes": {
        "task": "ideas.tasks.sweep_unsuggested_themes",
        "schedule": timedelta(minutes=5),
    },
    "notifications-sweep-unsent-email": {
        "task": "notifications.tasks.sweep_unsent_email",
        "schedule": timedelta(minutes=1),
    },
    "casework-expire-hearings": {"task": "casework.tasks.expire_hearings", "schedule": timedelta(minutes=5)},
    "figures-refresh-service-figures": {
        "task": "figures.tasks.refresh_service_figures",
        "schedule": timedelta(minutes=15),
    },
    "events-send-reminders": {"task": "events.tasks.send_reminders", "schedule": timedelta(minutes=15)},
    "escalations-refresh-theme-counts": {
        "task": "escalations.tasks.refresh_theme_counts",
        "schedule": timedelta(minutes=15),
    },
    "escalations-escalate-themes": {
        "task": "escalations.tasks.escalate_themes",
        "schedule": timedelta(hours=1),
    },
    "themes-train-suggestion-model": {
        "task": "themes.tasks.train_suggestion_model",
        "schedule": crontab(hour=2, minute=30),
    },
    "hearings-send-due-notices": {
        "task": "hearings.tasks.send_due_notices",
        "schedule": timedelta(minutes=15),
    },
    "core-purge-idempotency-keys": {
        "task": "core.tasks.purge_idempotency_keys",
        "schedule": crontab(minute=35, hour=3),
    },
    "dialogue-email-unread-messages": {
        "task": "dialogue.tasks.email_unread_messages",
        "schedule": timedelta(minutes=1),
    },
    "access-requests-watch-deadlines": {
        "task": "access_requests.tasks.watch_deadlines",
        "schedule": timedelta(minutes=15),
    },
    "retention-anonymise-expired-cases": {
        "task": "retention.tasks.anonymise_expired_cases",
        "schedule": crontab(hour=3, minute=15),
    },
}

# Product rules that an administrator may tune.
COMPLAINT_DEADLINE_WEEKS = 4  # klagefrist and the genvurdering clock (retssikkerhedsloven § 66)
GENVURDERING_WARN_DAYS = 5
FOLLOW_UP_WORKING_DAYS = int(os.environ.get("FOLLOW_UP_WORKING_DAYS", "10"))
SURVEY_LINK_VALID_DAYS = int(os.environ.get("SURVEY_LINK_VALID_DAYS", "30"))
# Partshøring (forvaltningsloven § 19): the citizen's deadline to comment, in Danish working days, and how much
# longer a granted request for more time (§ 21) gives when she names no date.
HEARING_WORKING_DAYS = int(os.environ.get("HEARING_WORKING_DAYS", "14"))
HEARING_EXTENSION_WORKING_DAYS = int(os.environ.get("HEARING_EXTENSION_WORKING_DAYS", "10"))
# A decision letter whose LIX readability is above this gets a warning in the form (plain Danish: under 40).
DECISION_LIX_WARN_ABOVE = int(os.environ.get("DECISION_LIX_WARN_ABOVE", "45"))
# How many historical complaints seed_demo generates for the figures and the themes (the tests use fewer).
DEMO_GENERATED_COMPLAINTS = int(os.environ.get("DEMO_GENERATED_COMPLAINTS", "4000"))
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024  # one Bilag: at most 20 MB (also a database constraint)
# Bodies the server takes at most (core.bodies, in front of Django): a form or JSON body; a form with files (a
# door that takes one attachment says so: ATTACHMENT_MAX_BYTES and a megabyte for the form around it).
REQUEST_BODY_MAX_BYTES = 2 * 1024 * 1024
UPLOAD_REQUEST_MAX_BYTES = 5 * ATTACHMENT_MAX_BYTES + 1024 * 1024
ONE_ATTACHMENT_REQUEST_MAX_BYTES = ATTACHMENT_MAX_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES  # Django's own cap on the non-file part, the same
SWEEP_GRACE = timedelta(seconds=int(os.environ.get("SWEEP_GRACE_SECONDS", "60")))
# Theme suggestions: a theme is suggested when its probability reaches the minimum score (the most
# likely theme always is); the model learns from the newest themed items of each source, nightly.
THEME_SUGGESTION_MIN_SCORE = 0.35
THEME_SUGGESTION_MAX = 3
THEME_SUGGESTION_HOLDOUT_SHARE = 0.2
THEME_TRAINING_MAX_EXAMPLES = 20_000
THEME_TRAINING_MIN_EXAMPLES_PER_THEME = 5
# Classification, access requests (aktindsigt) and retention.
KLE_COMPLAINT_FACET = os.environ.get("KLE_COMPLAINT_FACET", "K")  # the handlingsfacet complaints carry
ACCESS_REQUEST_WORKING_DAYS = 7  # offentlighedsloven § 36: decide within seven working days
ACCESS_REQUEST_REMINDER_WORKING_DAY = 5  # the caseworker is reminded on this working day
ACCESS_REQUEST_EXTENSION_WORKING_DAYS = 7  # the expected date a fristbrev gives, after the deadline
# Public service figures: a group of fewer complaints (or answers) than this is not shown.
FIGURES_MIN_GROUP_SIZE = 5
# A participant who has not read a message this long gets one e-mail about the thread's unread messages.
DIALOGUE_UNREAD_EMAIL_AFTER = timedelta(seconds=int(os.environ.get("DIALOGUE_UNREAD_EMAIL_AFTER_SECONDS", "600")))
# What one person may write within a window (core/ratelimit.py): bucket -> (attempts, seconds). Past it a page
# shows a message, the API answers 429 with Retry-After and the thread socket closes with 4429. The dialogue's
# flood limit is the "dialogue.message" bucket (DIALOGUE_FLOOD_LIMIT messages per 10 seconds per person).
DIALOGUE_FLOOD_LIMIT = int(os.environ.get("DIALOGUE_FLOOD_LIMIT", "20"))
RATE_LIMITS = {
    "dialogue.message": (DIALOGUE_FLOOD_LIMIT, 10),
    "complaints.file": (int(os.environ.get("RATE_LIMIT_COMPLAINTS", "10")), 600),
    "ideas.create": (int(os.environ.get("RATE_LIMIT_IDEAS", "10")), 600),
    "ideas.comment": (int(os.environ.get("RATE_LIMIT_COMMENTS", "30")), 300),
    "hearings.answer": (int(os.environ.get("RATE_LIMIT_HEARING_ANSWERS", "10")), 600),
    "grants.apply": (int(os.environ.get("RATE_LIMIT_APPLICATIONS", "10")), 600),
}

# Logging in with OpenID Connect (accounts/oidc.py; README "Logging in"). Two independent relying-party
# configurations: citizens (MitID through NemLog-in or a broker) and staff (the municipality's provider).
# In demo mode both point at the local provider (devidp/), which `make run` and the tests start.
DEVIDP_URL = os.environ.get("DEVIDP_URL", "").rstrip("/")
DEVIDP_GROUP_ROLES = (
    "BD-Familiecentret-Sagsbehandler=familiecentret:caseworker,BD-Familiecentret-Leder=familiecentret:lead,"
    "BD-NaturMiljo-Sagsbehandler=natur-og-miljo:caseworker,BD-Borgerservice=borgerservice:citizen_service"
)
OIDC_CITIZEN = {
    "provider_id": "mitid",
    "name": os.environ.get("OIDC_CITIZEN_NAME", "MitID"),
    "issuer": os.environ.get("OIDC_CITIZEN_ISSUER", DEVIDP_URL),
    "client_id": os.environ.get("OIDC_CITIZEN_CLIENT_ID", "borgerdialog-mitid" if DEVIDP_URL else ""),
    "secret": os.environ.get("OIDC_CITIZEN_CLIENT_SECRET", "devidp-demo-secret" if DEVIDP_URL else ""),
    "scope": env_list("OIDC_CITIZEN_SCOPES", "openid,profile,email"),
    "acr_values": os.environ.get("OIDC_CITIZEN_ACR_VALUES", ""),
    "name_claim": os.environ.get("OIDC_CITIZEN_NAME_CLAIM", "name"),
    "email_claim": os.environ.get("OIDC_CITIZEN_EMAIL_CLAIM", "email"),
    "cpr_claim": os.environ.get("OIDC_CITIZEN_CPR_CLAIM", "dk:gov:cpr" if DEVIDP_URL else ""),
    "level_claim": os.environ.get("OIDC_CITIZEN_LEVEL_CLAIM", "acr"),
}
OIDC_STAFF = {
    "provider_id": "medarbejder",
    "name": os.environ.get("OIDC_STAFF_NAME", "Medarbejderlogin"),
    "issuer": os.environ.get("OIDC_STAFF_ISSUER", DEVIDP_URL),
    "client_id": os.environ.get("OIDC_STAFF_CLIENT_ID", "borgerdialog-medarbejder" if DEVIDP_URL else ""),
    "secret": os.environ.get("OIDC_STAFF_CLIENT_SECRET", "devidp-demo-secret" if DEVIDP_URL else ""),
    "scope": env_list("OIDC_STAFF_SCOPES", "openid,profile,email"),
    "acr_values": "",
    "name_claim": os.environ.get("OIDC_STAFF_NAME_CLAIM", "name"),
    "email_claim": os.environ.get("OIDC_STAFF_EMAIL_CLAIM", "email"),
    "groups_claim": os.environ.get("OIDC_STAFF_GROUPS_CLAIM", "groups"),
    # "group=department-slug:role,..." (role: caseworker, lead, citizen_service); "group=admin" gives the admin.
    "group_roles": os.environ.get("OIDC_STAFF_GROUP_ROLES", DEVIDP_GROUP_ROLES if DEVIDP_URL else ""),
}


def oidc_provider_apps(*confs: dict) -> dict:
    """allauth's SOCIALACCOUNT_PROVIDERS for the configured providers (the tests rebuild it for theirs)."""
    return {
        "openid_connect": {
            "provider_class": "accounts.oidc.VerifyingOpenIDConnectProvider",
            "APPS": [
                {
                    "provider_id": conf["provider_id"],
                    "name": str(conf["name"]),
                    "client_id": conf["client_id"],
                    "secret": conf["secret"],
                    "settings": {
                        "server_url": conf["issuer"],
                        "oauth_pkce_enabled": True,
                        "fetch_userinfo": False,
                        "scope": conf["scope"],
                        "auth_params": {"acr_values": conf["acr_values"]} if conf["acr_values"] else {},
                    },
                }
                for conf in confs
                if conf["issuer"] and conf["client_id"]
            ],
        }
    }


SOCIALACCOUNT_PROVIDERS = oidc_provider_apps(OIDC_CITIZEN, OIDC_STAFF)
SOCIALACCOUNT_ADAPTER = "accounts.oidc.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # never join accounts on an e-mail claim alone
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
ACCOUNT_ADAPTER = "accounts.oidc.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
# The CPR number, where a broker sends it: kept only if CPR_HASH_KEY is set (as an HMAC-SHA256 keyed hash, to
# match a citizen with her cases), and encrypted at rest only if CPR_ENCRYPTION_KEY (a Fernet key) is set too.
CPR_HASH_KEY = os.environ.get("CPR_HASH_KEY", "demo-only-cpr-hash-key" if DEMO else "")
CPR_ENCRYPTION_KEY = os.environ.get("CPR_ENCRYPTION_KEY", "")
# Claim codes on assisted-intake receipts: wrong tries allowed per person and per address in the window.
CLAIM_CODE_FAILURES_PER_USER = int(os.environ.get("CLAIM_CODE_FAILURES_PER_USER", "5"))
CLAIM_CODE_FAILURES_PER_ADDRESS = int(os.environ.get("CLAIM_CODE_FAILURES_PER_ADDRESS", "20"))
CLAIM_CODE_WINDOW_MINUTES = int(os.environ.get("CLAIM_CODE_WINDOW_MINUTES", "60"))
# NSIS assurance level of a session that logged in with a password (or an API token): "low" in production,
# so only MitID can file a complaint; the demo lets its password logins act as "substantial".
PASSWORD_LOGIN_ASSURANCE = os.environ.get("PASSWORD_LOGIN_ASSURANCE", "substantial" if DEMO else "low")
# Idle time after which a session ends (seconds); citizens as self-service solutions do, staff a working day.
SESSION_IDLE_SECONDS_CITIZEN = int(os.environ.get("SESSION_IDLE_SECONDS_CITIZEN", "1800"))
SESSION_IDLE_SECONDS_STAFF = int(os.environ.get("SESSION_IDLE_SECONDS_STAFF", "28800"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
