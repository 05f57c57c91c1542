"""Prometheus metrics at `/internal/metrics`, for the monitoring only (issue #18).

- Request latency and counts: django-prometheus's middlewares (first and last in
  MIDDLEWARE), e.g. `django_http_requests_latency_seconds_by_view_method`.
- `hocvuso_task_queue_depth{status="READY"|"RUNNING"}`: background tasks waiting
  for or held by a `db_worker` (django-tasks-db's rows), counted when scraped.
- `hocvuso_sms_failed`: SMS outbox messages whose sending failed. The outbox keeps
  a `status` once sending is retried in the background (issue #18's worker); until
  the model has that field this reports 0.

Under gunicorn each worker is a process: with `PROMETHEUS_MULTIPROC_DIR` set
(deploy/gunicorn.conf.py does it) every worker writes its counters to files there,
and a scrape, answered by any one worker, adds them all up.

Who may read it: a request from a loopback or private address that did not come
through the proxy (no `X-Forwarded-For`/`Forwarded`: the TLS proxy adds one to
every request it forwards), or any request whose `Authorization: Bearer` matches
`METRICS_TOKEN` when that is set. Everyone else gets a 404, as for a page that
does not exist.
"""

import ipaddress
import os

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

QUEUE_STATUSES = ("READY", "RUNNING")
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def metrics_readable_by(request) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and given.startswith("Bearer "):
        return constant_time_compare(given.removeprefix("Bearer ").strip(), token)
    if any(header in request.headers for header in PROXY_HEADERS):
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def sms_failed_count(model=None) -> int:
    """Outbox rows whose status says the sending failed; 0 while the outbox has no
    status. Read through the app registry (config sits above every app)."""
    model = model or apps.get_model("accounts", "SmsMessage")
    try:
        field = model._meta.get_field("status")
    except FieldDoesNotExist:
        return 0
    failed = next(
        (
            value
            for value, _label in field.flatchoices
            if str(value).lower() == "failed"
        ),
        "failed",
    )
    return model.objects.filter(status=failed).count()


def task_queue_depth() -> dict[str, int]:
    from django_tasks_db.models import DBTaskResult

    rows = (
        DBTaskResult.objects.filter(status__in=QUEUE_STATUSES)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    return {**dict.fromkeys(QUEUE_STATUSES, 0), **dict(rows)}


class DatabaseCollector:
    """Gauges read from the database at each scrape: the same for every worker."""

    def collect(self):
        queue = GaugeMetricFamily(
            "hocvuso_task_queue_depth",
            "Background tasks waiting for (READY) or held by (RUNNING) a worker.",
            labels=["status"],
        )
        for status, count in task_queue_depth().items():
            queue.add_metric([status], count)
        yield queue
        failed = GaugeMetricFamily(
            "hocvuso_sms_failed", "SMS outbox messages whose sending failed."
        )
        failed.add_metric([], sms_failed_count())
        yield failed


@never_cache
@require_safe
def metrics_view(request):
    if not metrics_readable_by(request):
        raise Http404
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    body += generate_latest(database)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
