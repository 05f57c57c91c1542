"""Prometheus metrics on an internal-only path (issue #18)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from config.metrics import sms_failed_count

ROOT = Path(__file__).resolve().parents[2]
LATENCY = "django_http_requests_latency_seconds_by_view_method"


def _task(status: str) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        task_path="stats.tasks.stats_recount",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def _value(body: str, sample: str) -> float:
    """The value of one sample line (`name{labels} value`)."""
    for line in body.splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {sample}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        # From the internet (a Vietnamese ISP's addresses; documentation ranges
        # such as 203.0.113.0/24 count as private in Python's ipaddress).
        {"REMOTE_ADDR": "14.160.0.7"},
        {"REMOTE_ADDR": "2405:4800::7"},
        # Through the TLS proxy on this machine: loopback, but forwarded.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "14.160.0.7"},
        {"REMOTE_ADDR": "10.0.0.5", "HTTP_FORWARDED": "for=14.160.0.7"},
    ],
)
def test_metrics_are_not_found_from_a_public_address(client, headers):
    response = client.get("/internal/metrics", **headers)
    assert response.status_code == 404
    assert "hocvuso" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.1.2.3", "192.168.4.20"])
def test_metrics_answer_the_loopback_and_private_addresses(client, address):
    for status in ("READY", "READY", "RUNNING", "SUCCESSFUL", "FAILED"):
        _task(status)
    client.get("/sw.js")
    response = client.get("/internal/metrics", REMOTE_ADDR=address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert f"# TYPE {LATENCY} histogram" in body
    assert _value(body, f'{LATENCY}_count{{method="GET",view="service_worker"}}') >= 1
    assert _value(body, 'hocvuso_task_queue_depth{status="READY"}') == 2
    assert _value(body, 'hocvuso_task_queue_depth{status="RUNNING"}') == 1
    # The outbox has no status yet (it comes with the background sending).
    assert _value(body, "hocvuso_sms_failed") == 0


@pytest.mark.django_db
def test_a_token_opens_the_metrics_from_anywhere_and_only_the_right_one(
    client, settings
):
    settings.METRICS_TOKEN = "metrics-t0ken-for-tests"
    public = {"REMOTE_ADDR": "14.160.0.7", "HTTP_X_FORWARDED_FOR": "14.160.0.7"}
    right = client.get(
        "/internal/metrics",
        HTTP_AUTHORIZATION="Bearer metrics-t0ken-for-tests",
        **public,
    )
    assert right.status_code == 200
    wrong = client.get(
        "/internal/metrics", HTTP_AUTHORIZATION="Bearer metrics-t0ken-guess", **public
    )
    assert wrong.status_code == 404
    # A wrong token is refused even from the loopback: it is a mistake to see.
    assert (
        client.get(
            "/internal/metrics",
            REMOTE_ADDR="127.0.0.1",
            HTTP_AUTHORIZATION="Bearer nope",
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_failed_sms_are_counted_by_the_status_field_once_the_outbox_has_one():
    """The collector reads any model with a `status` whose choices say failed:
    django-tasks-db's rows stand in for the outbox's coming field."""
    _task("FAILED")
    _task("FAILED")
    _task("READY")
    assert sms_failed_count(DBTaskResult) == 2
    assert sms_failed_count() == 0  # today's outbox: no status field


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _served_by_worker(folder: Path) -> dict[int, float]:
    """The service worker script's answers each worker process wrote down."""
    from prometheus_client.multiprocess import MultiProcessCollector

    pids = {int(path.stem.rsplit("_", 1)[1]) for path in folder.glob("*_*.db")}
    served = {}
    for pid in pids:
        files = [str(path) for path in folder.glob(f"*_{pid}.db")]
        served[pid] = sum(
            sample.value
            for metric in MultiProcessCollector.merge(files, accumulate=True)
            if metric.name == LATENCY
            for sample in metric.samples
            if sample.name == f"{LATENCY}_count"
            and sample.labels.get("view") == "service_worker"
        )
    return served


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="gunicorn's workers need a database of their own processes can share "
    "(PostgreSQL); the SQLite test database lives in this process's memory",
)
@pytest.mark.django_db(transaction=True)
def test_under_gunicorn_every_workers_requests_are_counted(tmp_path):
    """gunicorn with deploy/gunicorn.conf.py and two workers: the requests each
    worker answered add up in one scrape, also after a worker was killed."""
    _task("READY")
    settings = connection.settings_dict
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(
        **{key: settings[key] or "" for key in ("USER", "PASSWORD", "HOST", "PORT")},
        NAME=settings["NAME"],
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    multiproc = tmp_path / "metrics"
    multiproc.mkdir()
    (multiproc / "counter_99999.db").write_bytes(b"stale")  # a previous run's
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PROMETHEUS_MULTIPROC_DIR": str(multiproc),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(base + "/sw.js")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not start"
            assert server.poll() is None, server.stdout.read()
            time.sleep(0.3)
        # Eight at a time, so that both workers answer some.
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda _n: _get(base + "/sw.js")[0], range(40)))
        assert statuses == [200] * 40
        counted = _served_by_worker(multiproc)
        assert len([n for n in counted.values() if n]) == 2, counted

        # One worker dies; gunicorn starts another. What it counted stays counted.
        victim = next(pid for pid, n in counted.items() if n)
        os.kill(victim, signal.SIGKILL)
        time.sleep(1)
        status, body = _get(base + "/internal/metrics")
        assert status == 200
        served = _value(body, f'{LATENCY}_count{{method="GET",view="service_worker"}}')
        assert served == sum(counted.values()) >= 41  # and the start-up probes
        assert _value(body, 'hocvuso_task_queue_depth{status="READY"}') == 1
        assert _value(body, "hocvuso_sms_failed") == 0
        assert not (multiproc / "counter_99999.db").exists()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
