"""Log lines with a request id and no personal data (issue #18).

- `RequestLogMiddleware` (first in MIDDLEWARE) gives each request an id: the
  incoming `X-Request-ID` when it looks sane (the proxy's or the load balancer's,
  so one id follows a request through every log), else a new one; sends it back in
  the response's `X-Request-ID`, and writes one line per request on the
  `hocvuso.request` logger: method, path without its query string (secrets in the
  path, such as a sign-in card's token or a certificate code, replaced by their
  name), status and duration.
- `PersonalDataFilter` sits on every handler: whatever any library logs, phone
  numbers, e-mail addresses, certificate codes, login codes and long tokens are
  masked, in the message and in a traceback, and query strings are dropped from
  paths. Names cannot be recognised: nothing of ours logs one (log ids instead).
- `JsonFormatter` writes one JSON object per line (production: to stderr, for the
  log collector); the embedded default keeps a readable line (`DJANGO_LOG_FORMAT`).

No library: a filter and a formatter of a few lines each, so that masking and the
request fields are one piece of code we test; python-json-logger would add the
JSON but not the masking.
"""

import json
import logging
import re
import time
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

REQUEST_ID_HEADER = "X-Request-ID"
# The proxy's ids (HAProxy's unique-id-format, a UUID, a hex digest) fit this;
# anything else (spaces, quotes, a line break, 10 kB) is replaced.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+/=-]{7,127}")
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")
# URL arguments that are secrets or personal: their value never reaches a log.
SECRET_ARGUMENTS = {"token", "code", "key", "uidb64", "uid", "phone"}

NO_REQUEST = "-"  # in the readable format, for lines logged outside a request

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

_MASKS = [
    # Query strings after a path: they carry what people typed (?q=, ?phone=).
    (re.compile(r"(/[^\s?\"'#]*)\?[^\s\"'#]*"), r"\1"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # Random tokens (sign-in cards, sessions, keys): long, mixed case and digits.
    (
        re.compile(
            r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[\w-]{20,}(?![\w-])"
        ),
        "[token]",
    ),
    (re.compile(r"(?<![\w-])[0-9a-f]{32,}(?![\w-])"), "[token]"),
    # Certificate codes, as printed (K7QM-4XZ9-...) or typed in one piece.
    (
        re.compile(r"\b[2-9A-HJ-NP-TV-Z]{4}(?:-[2-9A-HJ-NP-TV-Z]{4}){6}\b"),
        "[code]",
    ),
    # Vietnamese mobile numbers as people write them, and E.164.
    (
        re.compile(r"(?<![\w+])(?:\+84|84|0)[ .-]?[35789](?:[ .-]?\d){8}(?!\d)"),
        "[phone]",
    ),
    # Any other long run of digits could be a phone number too.
    (re.compile(r"(?<!\d)\+?\d{9,15}(?!\d)"), "[number]"),
    # One-time codes next to the word that names them.
    (
        re.compile(r"(?i)\b(code|codes|otp|pin|mã)(\W{1,3})\d{4,8}\b"),
        r"\1\2[code]",
    ),
]


def mask_personal_data(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def request_log_path(request) -> str:
    """The path as logged: no query string, URL secrets replaced by their name."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name, value in match.kwargs.items() if match else ():
        if name in SECRET_ARGUMENTS and str(value):
            path = path.replace(str(value), f"[{name}]")
    return mask_personal_data(path)


class PersonalDataFilter(logging.Filter):
    """Masks every record (message and traceback) and adds its request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info))
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get() or NO_REQUEST
        return True


def _request_id(record: logging.LogRecord) -> str | None:
    request_id = getattr(record, "request_id", None)
    if request_id in (None, NO_REQUEST):
        return request_id_var.get()
    return request_id


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, and for
    request lines method, path, status, duration_ms."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": _request_id(record),
        }
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    logger = logging.getLogger("hocvuso.request")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = (
            incoming if SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        )
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            path = request_log_path(request)
            self.logger.info(
                "%s %s %s %sms",
                request.method,
                path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            request_id_var.reset(token)
