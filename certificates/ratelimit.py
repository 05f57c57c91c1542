"""A per-IP limit on certificate look-ups.

Codes are unguessable; the limit keeps anyone from trying many of them anyway, and
keeps one client from tying up the verification page. The rate is the setting
`CERTIFICATE_VERIFY_RATE` ("<count>/<s|m|h>", e.g. "60/m"), counted by
`accounts.ratelimit` like every limit allauth does not cover.
"""

from django.conf import settings

from accounts.ratelimit import hit_allowed, parse_rate  # noqa: F401

DEFAULT_VERIFY_RATE = "60/m"


def verify_allowed(request) -> bool:
    """Count one look-up for this IP; False once the rate is exceeded."""
    rate = getattr(settings, "CERTIFICATE_VERIFY_RATE", DEFAULT_VERIFY_RATE)
    return hit_allowed(request, action="certificates:verify", rate=rate)
