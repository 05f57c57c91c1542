"""The three SMS backends, the HTTP one against a local server the test starts."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.models import SmsMessage
from accounts.sms import SmsDeliveryError, sms_send


class FakeProvider(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        FakeProvider.received.append(
            {"auth": self.headers["Authorization"], "json": json.loads(body)}
        )
        self.send_response(FakeProvider.status)
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def log_message(self, *args):
        pass


@pytest.fixture
def provider():
    server = HTTPServer(("127.0.0.1", 0), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeProvider.received = []
    FakeProvider.status = 200
    yield f"http://127.0.0.1:{server.server_port}/sms"
    server.shutdown()
    server.server_close()


def test_outbox_backend_keeps_the_message(db, settings):
    settings.SMS_BACKENDS = ["outbox"]
    sms_send(to="+84912345678", body="Mã của bạn là 123456")
    message = SmsMessage.objects.get()
    assert (message.to, message.body) == ("+84912345678", "Mã của bạn là 123456")


def test_console_backend_prints_the_message(db, settings, capsys):
    settings.SMS_BACKENDS = ["console"]
    sms_send(to="+84912345678", body="Mã 123456")
    assert "[SMS to +84912345678] Mã 123456" in capsys.readouterr().out
    assert not SmsMessage.objects.exists()


def test_http_backend_posts_to_the_provider(db, settings, provider):
    settings.SMS_BACKENDS = ["http"]
    settings.SMS_HTTP_URL = provider
    settings.SMS_HTTP_API_KEY = "secret-key"
    settings.SMS_HTTP_SENDER = "PHUONGGV"

    sms_send(to="+84912345678", body="Ma xac nhan 123456")

    assert FakeProvider.received == [
        {
            "auth": "Bearer secret-key",
            "json": {
                "to": "+84912345678",
                "from": "PHUONGGV",
                "text": "Ma xac nhan 123456",
            },
        }
    ]


def test_http_backend_reports_a_refusal(db, settings, provider):
    settings.SMS_BACKENDS = ["http"]
    settings.SMS_HTTP_URL = provider
    settings.SMS_HTTP_API_KEY = "secret-key"
    FakeProvider.status = 500
    with pytest.raises(SmsDeliveryError):
        sms_send(to="+84912345678", body="x")


def test_http_backend_reports_an_unreachable_provider(db, settings):
    settings.SMS_BACKENDS = ["http"]
    settings.SMS_HTTP_URL = "http://127.0.0.1:9/sms"
    settings.SMS_HTTP_API_KEY = "secret-key"
    with pytest.raises(SmsDeliveryError):
        sms_send(to="+84912345678", body="x")


def test_http_backend_needs_its_settings(db, settings):
    settings.SMS_BACKENDS = ["http"]
    settings.SMS_HTTP_URL = ""
    with pytest.raises(ImproperlyConfigured):
        sms_send(to="+84912345678", body="x")


def test_the_log_line_names_only_a_masked_number(db, settings, caplog):
    settings.SMS_BACKENDS = ["outbox"]
    with caplog.at_level(logging.INFO, logger="accounts.sms"):
        sms_send(to="+84912345678", body="Ma 123456")
    assert "+8491***678" in caplog.text
    assert "912345678" not in caplog.text
    assert "123456" not in caplog.text
