"""Settings with embedded defaults: a fresh clone runs with no services (DESIGN.md §5).

SQLite, local-memory cache, background tasks run inline, SMS to the console and the
outbox table, media on local disk, static files through WhiteNoise. Every value can be
overridden from the environment; `config.settings.production` refuses insecure
defaults.
"""

import logging
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
# A development-only key; production settings refuse to start without their own.
SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production-hocvuso"
)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# The absolute address printed on certificates, posters and in SMS messages.
SITE_BASE_URL = env_str("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Our apps, from the bottom of the dependency chain up (DESIGN.md §2).
    "accounts",
    "cms",
    "community",
    "learning",
    "certificates",
    "quizzes",
    "teams",
    "stats",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "community.apps.UsersAdminConfig",  # wagtail.users, its user pages logged
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # allauth: phone-number accounts
    "allauth",
    "allauth.account",
    # The devices a person is signed in on, to sign out of all of them (issue #9).
    "allauth.usersessions",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: the request's id and its log line cover everything below (config.logs).
    "config.logs.RequestLogMiddleware",
    # Request latency for /internal/metrics (config.metrics); its pair comes last.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # User files sandboxed, outside the byte ranges so that 206 answers are too;
    # then the site's Content-Security-Policy and Permissions-Policy (cms.headers).
    "cms.headers.UserFilesMiddleware",
    "cms.headers.SiteCSPMiddleware",
    "cms.middleware.RangeRequestsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.CookieLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.privacy.PersonalPagesNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hocvuso",
        }
    }

# Background work: one task API for Wagtail's tasks and ours. Inline by default;
# production sets DJANGO_TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs
# `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": env_str(
            "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"  # noqa: E501
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/learning/my/"
LOGOUT_REDIRECT_URL = "/"

# --- allauth: the phone number is the only login identifier -------------------------
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"phone"}
ACCOUNT_SIGNUP_FIELDS = ["phone*", "password1*", "password2*"]
# community's form adds full name, birth year, neighbourhood and consent; wired
# here so that accounts never imports community (DESIGN.md §2).
ACCOUNT_FORMS = {
    "signup": "community.forms.ResidentSignupForm",
    "change_phone": "accounts.forms.NewPhoneForm",
    "change_password": "accounts.forms.NewPasswordForm",
    "request_login_code": "accounts.forms.SmsCodeRequestForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_MODEL_EMAIL_FIELD = "email"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PHONE_VERIFICATION_ENABLED = env_bool("ACCOUNT_PHONE_VERIFICATION", False)
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
# Six digits, like the OTPs people know from their bank; three tries per code.
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# No "send a new code" button (ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND stays off): for
# a number without an account allauth's resend fails where a registered number's
# works, which would tell the two apart again. Asking anew is limited the same way.
# Older people forget whether they registered: sign-up says so plainly (limited per
# address below). The code request alone answers every number the same way and texts
# only registered ones (accounts.forms.SmsCodeRequestForm); allauth's global switch
# would also hide the sign-up's "already registered, sign in instead".
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_ON_GET = False
# Per-IP limits are loose enough for a group session of 30 people on one ward-hall
# Wi-Fi; per-phone limits (the "key") stay tight. Code requests count for every
# number, registered or not: 3 SMS per number in 10 minutes, 10 a day.
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",
    "login_failed": "60/m/ip,5/300s/key",
    "signup": "90/m/ip",
    # Sign-up's "already registered" answers to one address (community.forms).
    "signup_phone_taken": "20/h/ip",
    "request_login_code": "60/m/ip,3/10m/key,10/d/key",
    "verify_phone": "60/m/ip,1/30s/key",
    "change_phone": "3/m/user",
}

# How many proxies in front of gunicorn append to X-Forwarded-For (the TLS proxy: 1).
# allauth takes the client's address from the last that many entries, and so do our
# own limits (accounts.ratelimit.client_ip); 0 ignores the header, which is right
# when nothing stands in front. Only the proxy must reach gunicorn (README).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

# Printed sign-in cards (teams): how long the QR link works, and how long a resident
# without a phone stays signed in on the device that scanned it.
SIGNIN_CARD_VALID_DAYS = env_int("SIGNIN_CARD_VALID_DAYS", 14)
SIGNIN_CARD_SESSION_DAYS = env_int("SIGNIN_CARD_SESSION_DAYS", 180)
# Card uses (the POST that signs in, right or wrong) per address; opening the page
# is not counted.
SIGNIN_CARD_RATE = "30/m"
# Who may sign in with a printed card: residents, never a staff account (issue #16).
# A dotted path, so that accounts asks community's access module without importing it.
SIGNIN_CARD_ALLOWED = "community.access.may_sign_in_with_card"
# Access-log entries older than this are deleted by `manage.py purge_access_log`.
ACCESS_LOG_RETENTION_DAYS = env_int("ACCESS_LOG_RETENTION_DAYS", 730)
# An uploaded list nobody confirmed is wiped after this many days (`purge_imports`).
IMPORT_UPLOAD_KEEP_DAYS = env_int("IMPORT_UPLOAD_KEEP_DAYS", 7)
# Look-ups of /certificates/verify/ per IP (accounts.ratelimit).
CERTIFICATE_VERIFY_RATE = env_str("CERTIFICATE_VERIFY_RATE", "60/m")
# Resident lists (community.imports): the largest file and row count accepted.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200_000)

# --- SMS ---------------------------------------------------------------------------
# Comma-separated backend names: console, outbox, http (accounts.sms).
SMS_BACKENDS = env_list("SMS_BACKENDS", ["console", "outbox"])
SMS_HTTP_URL = env_str("SMS_HTTP_URL")
SMS_HTTP_API_KEY = env_str("SMS_HTTP_API_KEY")
SMS_HTTP_SENDER = env_str("SMS_HTTP_SENDER", "HOCVUSO")
SMS_HTTP_TIMEOUT = env_int("SMS_HTTP_TIMEOUT", 10)
# The outbox in the admin shows sign-in codes as sent (the demo reads them there);
# production masks them (accounts.sms.sms_body_for_outbox).
SMS_OUTBOX_SHOW_CODES = env_bool("SMS_OUTBOX_SHOW_CODES", True)

# --- Language and time -------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "django_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Files only their owner and the staff who may see them download, through a view that
# checks (certificate PDFs): never under MEDIA_URL. On several machines, point it at a
# shared volume.
PRIVATE_MEDIA_ROOT = Path(
    env_str("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media"))
)
STORAGES = {
    # Uploaded SVGs are sanitised on the way in (cms.storage, cms.svg).
    "default": {"BACKEND": "cms.storage.PublicMediaStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail -----------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Bình dân học vụ số"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Staff log in once, through allauth: no second login page (issue #2).
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
# ...and reset no password there: /admin/password_reset/ and its steps answer 404.
# A forgotten password is a sign-in by SMS code, limited, through allauth.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "m4a", "ogg", "mp4", "webm", "csv", "xlsx"]
# Uploaded SVG pictures are sanitised by the image form (cms.forms, cms.svg).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.SafeImageForm"
# Documents are sent with `Content-Security-Policy: sandbox` (cms.headers), in which
# Safari shows an inline PDF as a blank page: every document is a download.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers (cms.headers) ------------------------------------------------
# No inline script or style on public and staff pages: scripts and style sheets are
# files under /static/. Video links may embed these players.
CSP_EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://www.facebook.com",
    "https://player.vimeo.com",
]
# The site's own absolute address (Wagtail's user bar loads its files from it) and
# the media's, when media comes from another host.
_OWN_ORIGINS = sorted(
    {
        "/".join(url.split("/", 3)[:3])
        for url in (SITE_BASE_URL, MEDIA_URL)
        if url.startswith(("http://", "https://"))
    }
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_OWN_ORIGINS],
        "style-src": ["'self'", *_OWN_ORIGINS],
        "img-src": ["'self'", "data:", *_OWN_ORIGINS],
        "media-src": ["'self'", *_OWN_ORIGINS],
        "font-src": ["'self'", *_OWN_ORIGINS],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "worker-src": ["'self'"],
        "frame-src": CSP_EMBED_ORIGINS,
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin writes inline scripts and styles, previews pages in a frame of its
# own and shows upload previews from blob: URLs.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'", *_OWN_ORIGINS],
        "style-src": ["'self'", "'unsafe-inline'", *_OWN_ORIGINS],
        "img-src": ["'self'", "data:", "blob:", "https:", *_OWN_ORIGINS],
        "media-src": ["'self'", "blob:", *_OWN_ORIGINS],
        "font-src": ["'self'", "data:", *_OWN_ORIGINS],
        # Wagtail's "new version available" notice.
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "frame-src": ["'self'", *CSP_EMBED_ORIGINS],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
    }
}
# No page uses these: QR codes are scanned with the phone's own camera app.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()"
)

# Wagtail's preview views allow same-origin framing themselves.
X_FRAME_OPTIONS = "DENY"

# Logs (config.logs): every handler masks personal data and adds the request's id;
# one line per request on "hocvuso.request". "text" reads well in a terminal;
# production writes "json", one object per line, to stderr.
# Python's warnings become log lines too (py.warnings), masked and formatted alike.
logging.captureWarnings(True)
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "config.logs.PersonalDataFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
        "json": {"()": "config.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["personal_data"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "hocvuso.request": {"level": "INFO"},
        # Through our handler only: Django's default ones would print unmasked.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # runserver's own request lines repeat ours, query string included.
        "django.server": {"handlers": [], "level": "WARNING", "propagate": True},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # Every page save runs a few inline tasks; one line each is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# /internal/metrics (config.metrics) answers loopback and private addresses that did
# not come through the proxy, or anyone sending `Authorization: Bearer <token>`.
METRICS_TOKEN = env_str("METRICS_TOKEN")

# Error reports to Sentry, only when SENTRY_DSN is set (config.sentry); without it
# sentry_sdk is never imported.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from config.sentry import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )

# stats' covering index (`include=`) is a plain index on SQLite, which has no such
# thing: correct there, and said on every command without this.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
