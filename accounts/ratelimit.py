"""Rate limits: a small fixed-window counter of our own, and how long allauth's last.

`hit_allowed` is for the endpoints allauth does not cover (sign-in cards, certificate
look-ups), counted in the cache (Redis in production). Rates read like allauth's:
"<count>/<s|m|h>", e.g. "30/m". `allauth_wait_seconds` says when one of allauth's
limits (`ACCOUNT_RATE_LIMITS`) lets a refused client through again, so that the page
can tell people when to try again.
"""

import ipaddress
import math
import time

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import ngettext

_PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "60/m" -> (60, 60): at most that many hits per that many seconds."""
    count, _slash, period = rate.strip().partition("/")
    seconds = _PERIODS.get(period.strip().lower()[:1])
    if not count.strip().isdigit() or seconds is None:
        raise ValueError(f"Bad rate {rate!r}: use e.g. '60/m'")
    return int(count), seconds


def client_ip(request) -> str:
    """The client's address as allauth sees it (one rule for every limit we keep).

    Behind the TLS proxy that is the X-Forwarded-For entry the proxy appended, as
    `ALLAUTH_TRUSTED_PROXY_COUNT` says; without one, the connection's address.
    """
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "unknown")


def client_bucket(request) -> str:
    """Whose count a hit goes to: the client's address, or its IPv6 network.

    One home or phone is given a whole IPv6 /64 and may rotate through it; allauth
    counts such a network as one client (`ALLAUTH_RATE_LIMIT_IPV6_PREFIX`), and so
    do we.
    """
    from allauth import app_settings as allauth_settings

    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        prefix = allauth_settings.RATE_LIMIT_IPV6_PREFIX
        return str(ipaddress.IPv6Network(f"{ip}/{prefix}", strict=False))
    return address


def hit_allowed(request, *, action: str, rate: str, key: str | None = None) -> bool:
    """Count one hit for this client (or `key`); False once the rate is exceeded."""
    count, seconds = parse_rate(rate)
    cache_key = f"ratelimit:{action}:{key or client_bucket(request)}"
    # add() only sets a missing key, with its expiry: the window starts at the
    # first hit and the counter is dropped when it ends.
    cache.add(cache_key, 0, timeout=seconds)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=seconds)
        used = 1
    return used <= count


def allauth_wait_seconds(request, *, action: str, key: str | None = None) -> int:
    """Seconds until allauth's limit `action` admits this client (and `key`) again.

    allauth keeps, per rate, the times of the hits within its window, newest first;
    a full window frees a place when the hit that filled it grows old. 0 when
    nothing holds the client back. (allauth says only yes or no: this reads its
    records through its own key function, pinned with allauth's version.)
    """
    from allauth.core.internal.ratelimit import get_cache_key, get_rates

    app = "allauth.account"
    now = time.time()
    wait = 0.0
    for rate in get_rates(app=app, action=action):
        if rate.per == "user" or (rate.per == "key" and key is None):
            continue
        cache_key = get_cache_key(request, app=app, action=action, rate=rate, key=key)
        live = [hit for hit in cache.get(cache_key, []) if hit > now - rate.duration]
        if len(live) >= rate.amount:
            wait = max(wait, live[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)


def wait_phrase(seconds: int) -> str:
    """ "10 minutes", "3 hours": how long to wait, as a person says it."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes <= 90:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {
            "count": minutes
        }
    hours = math.ceil(minutes / 60)
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
