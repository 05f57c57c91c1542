"""Optional error reports to Sentry (issue #18), with no personal data in them.

Settings call `sentry_init` only when `SENTRY_DSN` is set: without it sentry_sdk is
never imported. Reports carry no personal data: `send_default_pii=False` (no
cookies, user, IP address from the SDK), no local variables of stack frames, and
`sentry_scrub` runs on every event before it leaves: the request keeps only its
method and its URL without the query string, the user is removed, and the texts
(message, exception values, breadcrumbs, tags, extra data, transaction name) are
masked as log lines are (config.logs). Ids (event, trace, span) are left alone.
"""

from typing import Any

from .logs import mask_personal_data

# Of a request, only these reach Sentry (its data, cookies, headers, query string
# and environment may all hold personal data).
REQUEST_KEPT = ("method", "url")
# The parts of an event that hold free text.
TEXTS = ("message", "logentry", "breadcrumbs", "extra", "tags", "transaction")


def sentry_init(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=sentry_scrub,
        before_send_transaction=sentry_scrub,
        before_breadcrumb=_scrub_breadcrumb,
    )


def sentry_scrub(event: dict, hint: dict | None = None) -> dict:
    """The event without personal data (Sentry's `before_send`)."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {
            key: request[key].split("?", 1)[0] if key == "url" else request[key]
            for key in REQUEST_KEPT
            if key in request
        }
    event.pop("user", None)
    if isinstance(event.get("request"), dict):
        event["request"] = _masked(event["request"])
    for key in TEXTS:
        if key in event:
            event[key] = _masked(event[key])
    for exception in (event.get("exception") or {}).get("values") or []:
        if "value" in exception:
            exception["value"] = _masked(exception["value"])
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    return event


def _scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return _masked(crumb)


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value
