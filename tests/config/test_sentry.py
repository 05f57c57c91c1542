"""Error reports to Sentry: only with SENTRY_DSN, and with no personal data (#18)."""

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from config.sentry import sentry_scrub

ROOT = Path(__file__).resolve().parents[2]
PHONE = "0912345678"


def test_the_scrubber_keeps_the_fault_and_drops_the_person():
    event = {
        "event_id": "0123456789abcdef0123456789abcdef",
        "message": f"SMS to {PHONE} failed",
        "logentry": {"message": "SMS to %s failed", "params": [PHONE]},
        "request": {
            "method": "POST",
            "url": f"https://hocvuso.example.vn/team/people/7/phone/?phone={PHONE}",
            "query_string": f"phone={PHONE}",
            "data": {"phone": PHONE, "full_name": "Nguyễn Thị Lan"},
            "cookies": {"sessionid": "s3cr3t"},
            "headers": {"Cookie": "sessionid=s3cr3t", "X-Forwarded-For": "1.2.3.4"},
            "env": {"REMOTE_ADDR": "1.2.3.4"},
        },
        "user": {"id": 7, "username": PHONE, "ip_address": "1.2.3.4"},
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": f"Key (phone)=(+84{PHONE[1:]}) already exists.",
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "resident_phone_change",
                                "vars": {"full_name": "Nguyễn Thị Lan"},
                            }
                        ]
                    },
                }
            ]
        },
        "breadcrumbs": {"values": [{"message": f"login code sent to {PHONE}"}]},
        "extra": {"to": "+84 912 345 678"},
        "tags": {"phone": PHONE},
    }
    scrubbed = sentry_scrub(event, {})
    assert scrubbed["request"] == {
        "method": "POST",
        "url": "https://hocvuso.example.vn/team/people/7/phone/",
    }
    assert "user" not in scrubbed
    [exception] = scrubbed["exception"]["values"]
    assert exception["type"] == "IntegrityError"
    assert exception["value"] == "Key (phone)=([phone]) already exists."
    assert exception["stacktrace"]["frames"] == [{"function": "resident_phone_change"}]
    assert scrubbed["message"] == "SMS to [phone] failed"
    assert scrubbed["event_id"] == "0123456789abcdef0123456789abcdef"
    text = json.dumps(scrubbed, ensure_ascii=False)
    for personal in ("912345678", "912 345 678", "Nguyễn", "s3cr3t", "1.2.3.4"):
        assert personal not in text, personal


def _python(code: str, env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "SENTRY_"))
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_a_dsn_sentry_is_never_imported():
    result = _python(
        "import sys, django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "Client().get('/sw.js')\n"
        "print('sentry_sdk' in sys.modules)\n",
        {},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    """A Sentry ingest endpoint of our own, on the loopback."""
    _Collector.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _Collector.received
    server.shutdown()


def test_a_real_error_report_reaches_sentry_without_personal_data(
    sentry_server, tmp_path
):
    """A request that fails (the database has no tables) is reported by the SDK to
    a server of ours, with the warning logged before it as a breadcrumb; what
    arrives names the fault and nobody."""
    server, received = sentry_server
    dsn = f"http://publickey@127.0.0.1:{server.server_address[1]}/1"
    result = _python(
        "import sys, django\n"
        "django.setup()\n"
        "import logging, sentry_sdk\n"
        "from django.test import Client\n"
        f"logging.getLogger('accounts.sms').warning('No answer for {PHONE}')\n"
        # What code of ours might attach one day: only the scrubber stops it.
        f"sentry_sdk.set_user({{'username': '{PHONE}'}})\n"
        f"sentry_sdk.set_extra('to', '+84 {PHONE[1:4]} {PHONE[4:7]} {PHONE[7:]}')\n"
        "client = Client(raise_request_exception=False)\n"
        f"client.cookies['sessionid'] = 's3cr3t'\n"
        f"r = client.get('/khoa-hoc/?phone={PHONE}', HTTP_X_PHONE='{PHONE}')\n"
        "assert r.status_code == 500, r.status_code\n"
        "sentry_sdk.flush(timeout=10)\n",
        {
            "SENTRY_DSN": dsn,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert received, "no report arrived"
    envelope = b"\n".join(received).decode()
    events = [
        json.loads(line)
        for line in envelope.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    assert events, envelope[:2000]
    types = {value["type"] for value in events[0]["exception"]["values"]}
    assert "OperationalError" in types  # Django's, and sqlite3's below it
    assert set(events[0].get("request", {})) <= {"method", "url"}
    assert "user" not in events[0]
    crumbs = [crumb["message"] for crumb in events[0]["breadcrumbs"]["values"]]
    assert "No answer for [phone]" in crumbs
    assert events[0]["extra"]["to"] == "[phone]"
    for personal in (PHONE, "912345678", "912 345", "s3cr3t", "sessionid", "X-Phone"):
        assert personal not in envelope, personal
