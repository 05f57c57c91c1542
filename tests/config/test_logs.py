"""Log lines: JSON in production, a request id on each, no personal data (#18)."""

import io
import json
import logging
import re

import pytest

from config.logs import JsonFormatter, PersonalDataFilter, mask_personal_data
from tests.config.test_production_settings import PRODUCTION_ENV, run_manage

PHONES = ["0912345678", "0912 345 678", "0912.345.678", "+84912345678", "84912345678"]


@pytest.fixture
def json_lines():
    """What the production handler writes, as parsed lines: our formatter and
    filter on a handler of the root logger, as LOGGING wires them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    root.removeHandler(handler)


def request_lines(lines) -> list[dict]:
    return [line for line in lines if line["logger"] == "hocvuso.request"]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_are_masked_however_written(phone):
    masked = mask_personal_data(f"SMS to {phone} failed")
    assert masked == "SMS to [phone] failed"


def test_other_personal_data_is_masked_and_ordinary_words_are_kept():
    text = (
        "lan@example.vn got code 123456 for K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX, "
        "card AbCdEf0123456789_-xyzXYZ, hash " + "ab12" * 16 + ", "
        "GET /team/?q=Nguy%E1%BB%85n HTTP/1.1, lesson cai-dat-vneid-buoc-2026, "
        "resident 4711 on 2026-12-04 01:13:43"
    )
    assert mask_personal_data(text) == (
        "[email] got code [code] for [code], card [token], hash [token], "
        "GET /team/ HTTP/1.1, lesson cai-dat-vneid-buoc-2026, "
        "resident 4711 on 2026-12-04 01:13:43"
    )


@pytest.mark.django_db
def test_a_request_line_is_json_with_its_id_and_no_query_string(client, json_lines):
    response = client.get(
        "/sw.js?phone=0912345678&q=Lan", HTTP_X_REQUEST_ID="haproxy-7f00:1a2b"
    )
    assert response["X-Request-ID"] == "haproxy-7f00:1a2b"
    [line] = request_lines(json_lines())
    assert set(line) >= {
        "time",
        "level",
        "logger",
        "message",
        "request_id",
        "method",
        "path",
        "status",
        "duration_ms",
    }
    assert line["request_id"] == "haproxy-7f00:1a2b"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/sw.js", 200)
    assert isinstance(line["duration_ms"], float)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])
    assert "0912" not in json.dumps(line) and "Lan" not in json.dumps(line)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming", ["", "short", "with spaces in it", "x" * 300, "évil-ïd-0001"]
)
def test_an_insane_request_id_is_replaced_by_a_new_one(client, json_lines, incoming):
    response = client.get("/sw.js", HTTP_X_REQUEST_ID=incoming)
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    assert request_lines(json_lines())[0]["request_id"] == request_id


@pytest.mark.django_db
def test_secrets_and_phones_in_paths_and_messages_are_masked(client, json_lines):
    token = "Zx9_kQ2mP7vL4wR8tY1uI6oA3sD5fG0hJ-nB"
    client.get(f"/accounts/card/{token}/")
    client.get("/certificates/verify/K7QM-4XZ9-ABCD-EFGH-JKMN-PQRS-TVWX/")
    client.get("/khong-co/0912345678/")
    logging.getLogger("accounts.sms").warning("Provider refused +84 912 345 678")
    try:
        raise ValueError("phone 0912.345.678 taken")
    except ValueError:
        logging.getLogger("tests").exception("Could not save")
    lines = json_lines()
    paths = [line["path"] for line in request_lines(lines)]
    assert paths == [
        "/accounts/card/[token]/",
        "/certificates/verify/[code]/",
        "/khong-co/[phone]/",
    ]
    everything = json.dumps(lines, ensure_ascii=False)
    assert token not in everything and "K7QM" not in everything
    assert "912" not in everything
    warning = next(line for line in lines if line["logger"] == "accounts.sms")
    assert warning["message"] == "Provider refused [phone]"
    failure = next(line for line in lines if line["logger"] == "tests")
    assert "ValueError: phone [phone] taken" in failure["exception"]


@pytest.mark.django_db
def test_an_sms_sent_is_logged_without_its_number_or_text(json_lines):
    from accounts.sms import sms_send

    sms_send(to="+84912345678", body="Ma dang nhap: 482913")
    everything = json.dumps(json_lines())
    assert "SMS sent" in everything
    assert "912345678" not in everything and "482913" not in everything


def test_production_writes_json_lines_to_stderr():
    """The production settings, in a process of their own: a request's line and a
    warning are each one JSON object on stderr, phone numbers masked."""
    script = (
        "import logging\n"
        "from django.test import Client\n"
        "r = Client().get('/admin/login/?next=0912345678', secure=True, "
        "HTTP_HOST='hocvuso.example.vn', HTTP_X_REQUEST_ID='lb-0001-abcd')\n"
        "assert r.status_code == 302, r.status_code\n"
        "logging.getLogger('accounts.sms').warning('No answer for 0912 345 678')\n"
    )
    result = run_manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line]
    request = next(line for line in lines if line["logger"] == "hocvuso.request")
    assert request["request_id"] == "lb-0001-abcd"
    assert (request["path"], request["status"]) == ("/admin/login/", 302)
    warning = next(line for line in lines if line["logger"] == "accounts.sms")
    assert warning["message"] == "No answer for [phone]"
    assert warning["level"] == "WARNING"
    assert "0912" not in result.stderr
