"""Sending SMS through interchangeable backends.

`settings.SMS_BACKENDS` names the backends each message goes through, in order:
- `console`: writes the message to standard output (development);
- `outbox`: stores it in `SmsMessage`, which admins read in the Wagtail admin;
- `http`: posts it to an SMS provider's HTTP API configured by `SMS_HTTP_URL`,
  `SMS_HTTP_API_KEY` and `SMS_HTTP_SENDER`.
"""

import json
import logging
import sys
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import SmsMessage

logger = logging.getLogger(__name__)


class SmsDeliveryError(Exception):
    """The provider did not accept the message."""


class ConsoleBackend:
    def send(self, *, to: str, body: str) -> None:
        sys.stdout.write(f"[SMS to {to}] {body}\n")
        sys.stdout.flush()


class OutboxBackend:
    def send(self, *, to: str, body: str) -> None:
        SmsMessage.objects.create(to=to, body=body)


class HttpBackend:
    """A provider reached by `POST {url}` with a JSON body and a bearer key.

    Body: `{"to": "+849...", "from": SENDER, "text": "..."}`. Any 2xx answer is success;
    anything else, or no answer within `SMS_HTTP_TIMEOUT` seconds, raises
    `SmsDeliveryError` so the caller can tell the person to try again.
    """

    def __init__(self):
        self.url = settings.SMS_HTTP_URL
        self.api_key = settings.SMS_HTTP_API_KEY
        self.sender = settings.SMS_HTTP_SENDER
        self.timeout = settings.SMS_HTTP_TIMEOUT
        if not self.url or not self.api_key:
            raise ImproperlyConfigured(
                "The http SMS backend needs SMS_HTTP_URL and SMS_HTTP_API_KEY."
            )

    def send(self, *, to: str, body: str) -> None:
        payload = json.dumps({"to": to, "from": self.sender, "text": body}).encode()
        request = urllib.request.Request(
            self.url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {self.api_key}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise SmsDeliveryError(f"SMS provider answered {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SmsDeliveryError(f"SMS provider unreachable: {exc}") from exc


BACKENDS = {"console": ConsoleBackend, "outbox": OutboxBackend, "http": HttpBackend}


def get_backends() -> list:
    try:
        return [BACKENDS[name]() for name in settings.SMS_BACKENDS]
    except KeyError as exc:
        raise ImproperlyConfigured(
            f"Unknown SMS backend {exc.args[0]!r}; choose from {', '.join(BACKENDS)}."
        ) from exc


def sms_send(*, to: str, body: str) -> None:
    """Send one SMS through every configured backend."""
    for backend in get_backends():
        backend.send(to=to, body=body)
    # Never the number or the text: a log line carries no personal data.
    logger.info("SMS sent through %s", ",".join(settings.SMS_BACKENDS))
