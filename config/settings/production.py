"""Production: configured only by environment variables, with no insecure default.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL (PostgreSQL), REDIS_URL.
Optional: SITE_BASE_URL, SMS_BACKENDS and SMS_HTTP_*, DJANGO_TASKS_BACKEND,
ACCOUNT_PHONE_VERIFICATION (on unless set to false), DJANGO_TRUSTED_PROXY_COUNT (1
behind the TLS proxy, which must be the only way to reach gunicorn: README).
Serve with gunicorn behind a TLS-terminating proxy; WhiteNoise serves static files.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False
SECRET_KEY = env_required(
    "DJANGO_SECRET_KEY",
    "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'",
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    env_required("DJANGO_ALLOWED_HOSTS", "A comma-separated list of host names.")
env_required("DATABASE_URL", "For example postgres://user:password@host:5432/hocvuso")
env_required("REDIS_URL", "For example redis://127.0.0.1:6379/0 (cache, rate limits).")

ACCOUNT_PHONE_VERIFICATION_ENABLED = env_bool("ACCOUNT_PHONE_VERIFICATION", True)
# A live code on a city admin's screen is a key to someone's account.
SMS_OUTBOX_SHOW_CODES = env_bool("SMS_OUTBOX_SHOW_CODES", False)
CONN_MAX_AGE = env_int("DJANGO_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# /healthz (load balancers) and /internal/metrics (Prometheus) are read over plain
# HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^internal/metrics$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind TLS: a page never loads anything over plain HTTP (cms.headers).
for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):  # noqa: F405
    _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# One JSON object per line on stderr, for the log collector; request lines at INFO.
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "json")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be text or json.")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
