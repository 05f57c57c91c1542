"""Public verification and the QR code, end to end through HTTP."""

import secrets
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from certificates.codes import ALPHABET, LENGTH, code_generate
from certificates.services import certificate_revoke
from tests.community.factories import PASSWORD

from .conftest import pdf_qr_texts, pdf_text


def verify_url(code: str) -> str:
    return reverse("certificates:verify", args=[code])


def test_the_qr_code_leads_to_a_page_that_says_valid_with_the_masked_name(
    issued, holder, client
):
    client.force_login(holder)
    response = client.get(reverse("certificates:pdf", args=[issued.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert "Nguyễn Thị Hồng Nhung" in pdf_text(pdf)

    (url,) = pdf_qr_texts(pdf)
    assert url == f"{django_settings.SITE_BASE_URL}/certificates/verify/{issued.code}/"
    client.logout()
    page = client.get(urlsplit(url).path)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-status="valid"' in html
    assert "Nguyễn T. H. Nhung" in html
    assert "Hồng Nhung" not in html  # the middle names stay hidden
    assert issued.course_title in html
    assert timezone.localdate(issued.issued_at).strftime("%d/%m/%Y") in html
    # Nothing else about the person.
    assert "1962" not in html
    assert issued.holder_neighbourhood not in html
    assert holder.phone not in html


def test_a_revoked_certificate_says_so_with_the_reason(issued, client):
    certificate_revoke(certificate=issued, reason="Cấp nhầm cho người khác")
    html = client.get(verify_url(issued.code)).content.decode()
    assert 'data-status="revoked"' in html
    assert 'data-status="valid"' not in html
    assert "Cấp nhầm cho người khác" in html
    assert "Nguyễn T. H. Nhung" in html


def test_the_reason_is_escaped(issued, client):
    certificate_revoke(certificate=issued, reason="<script>alert(1)</script>")
    html = client.get(verify_url(issued.code)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_code_typed_by_hand_is_forgiven(issued, client):
    sloppy = issued.code.lower().replace("-", " ")
    response = client.get(verify_url(sloppy))
    assert response.status_code == 302
    assert response["Location"] == verify_url(issued.code)

    response = client.get(reverse("certificates:verify_form"), {"code": f" {sloppy} "})
    assert response.status_code == 302
    assert response["Location"] == verify_url(issued.code)


def test_the_form_explains_a_code_that_cannot_be_one(db, client):
    response = client.get(reverse("certificates:verify_form"))
    assert response.status_code == 200
    assert b'name="code"' in response.content
    response = client.get(reverse("certificates:verify_form"), {"code": "0000-1111"})
    assert response.status_code == 200
    assert b"field--error" in response.content


def test_a_thousand_random_codes_are_all_not_found(db, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = "100000/m"
    for n in range(1000):
        # Half canonical codes, half junk of every shape.
        if n % 2:
            code = code_generate()
        else:
            code = secrets.token_urlsafe(secrets.randbelow(40) + 1)
        # A code typed sloppily is first redirected to its canonical form.
        response = client.get(verify_url(code), follow=True)
        assert response.status_code == 404, code
        assert b'data-status="not-found"' in response.content, code
        assert response.templates[0].name == "certificates/not_found.html"


def test_the_rate_limit_bites_per_ip(db, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = "5/m"
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    statuses = [client.get(verify_url(code)).status_code for _ in range(7)]
    assert statuses == [302] * 5 + [429] * 2
    limited = client.get(verify_url(code))
    assert b'data-status="rate-limited"' in limited.content
    # Another address has its own allowance.
    other = client.get(verify_url(code), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_the_limit_counts_valid_codes_too(issued, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = "2/m"
    assert client.get(verify_url(issued.code)).status_code == 200
    assert client.get(verify_url(issued.code)).status_code == 200
    assert client.get(verify_url(issued.code)).status_code == 429


def test_the_course_page_and_my_learning_can_show_the_download_link(
    issued, holder, client
):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = holder
    template = Template("{% load certificate_tags %}{% certificate_download course %}")
    html = template.render(Context({"request": request, "course": issued.course}))
    assert reverse("certificates:pdf", args=[issued.code]) in html

    client.login(phone=holder.phone, password=PASSWORD)
    assert (
        client.get(reverse("certificates:pdf", args=[issued.code])).status_code == 200
    )


@pytest.mark.parametrize("code", ["", "x" * 500])
def test_odd_paths_do_not_error(db, client, code):
    response = client.get(f"/certificates/verify/{code}/")
    assert response.status_code in (200, 404)
