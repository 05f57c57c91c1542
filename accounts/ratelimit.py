"""A small fixed-window rate limit counted in the cache (Redis in production).

For the endpoints allauth does not cover (sign-in cards, certificate look-ups). Rates
read like allauth's: "<count>/<s|m|h>", e.g. "30/m".
"""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied

_PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "60/m" -> (60, 60): at most that many hits per that many seconds."""
    count, _slash, period = rate.strip().partition("/")
    seconds = _PERIODS.get(period.strip().lower()[:1])
    if not count.strip().isdigit() or seconds is None:
        raise ValueError(f"Bad rate {rate!r}: use e.g. '60/m'")
    return int(count), seconds


def client_ip(request) -> str:
    """The client's address as allauth sees it (one rule for every limit we keep)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "unknown")


def hit_allowed(request, *, action: str, rate: str, key: str | None = None) -> bool:
    """Count one hit for this client (or `key`); False once the rate is exceeded."""
    count, seconds = parse_rate(rate)
    cache_key = f"ratelimit:{action}:{key or client_ip(request)}"
    # add() only sets a missing key, with its expiry: the window starts at the
    # first hit and the counter is dropped when it ends.
    cache.add(cache_key, 0, timeout=seconds)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=seconds)
        used = 1
    return used <= count
