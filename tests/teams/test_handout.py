"""Certificates to hand out: one PDF with a neighbourhood's new certificates."""

from datetime import timedelta

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_revoke
from tests.learning.factories import make_course

from .factories import login


def pdf_pages_text(pdf: bytes) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)]


@pytest.fixture
def certified(team, make_resident):
    course, _lessons = make_course(lessons=1, slug="vneid")
    mai = make_resident(team["n1"], full_name="Lê Thị Mai")
    return {
        "course": course,
        "an": certificate_issue(user=team["r1"], course=course),
        "mai": certificate_issue(user=mai, course=course),
        "dao": certificate_issue(user=team["r2"], course=course),  # n2
    }


def handout_url(team, key="n1"):
    return reverse("teams:certificates_handout", args=[team[key].pk])


def test_volunteer_prints_the_new_certificates_of_the_neighbourhood(
    client, team, certified
):
    old = certified["mai"]
    Certificate.objects.filter(pk=old.pk).update(
        issued_at=timezone.now() - timedelta(days=40)
    )
    login(client, team["volunteer"])

    response = client.get(handout_url(team))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages_text(response.content)
    assert len(pages) == 1  # Mai's is older than 30 days, Đào lives in n2
    assert "Nguyễn Văn An" in pages[0]


def test_revoked_certificates_are_not_handed_out(client, team, certified):
    certificate_revoke(certificate=certified["an"], reason="Sai tên")
    login(client, team["volunteer"])
    pages = pdf_pages_text(client.get(handout_url(team)).content)
    assert [("Lê Thị Mai" in page) for page in pages] == [True]


def test_nothing_new_says_so(client, team):
    login(client, team["volunteer"])
    response = client.get(handout_url(team))
    assert response.status_code == 302
    assert response.url == reverse("teams:roster", args=[team["n1"].pk])


@pytest.mark.parametrize(
    ("actor", "key", "status"),
    [
        ("volunteer", "n2", 404),
        ("officer", "n2", 200),
        ("other_officer", "n1", 404),
        ("r1", "n1", 403),
    ],
)
def test_who_may_print_which_neighbourhood(client, team, certified, actor, key, status):
    login(client, team[actor])
    assert client.get(handout_url(team, key)).status_code == status
