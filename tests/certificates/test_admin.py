"""City admins revoke and re-issue certificates in the Wagtail admin; nobody else."""

import pytest
from django.test import Client
from django.urls import reverse

from certificates.models import Certificate
from certificates.services import REISSUED

ADMIN_HOME = reverse("wagtailadmin_home")
INDEX = reverse("certificates_admin:index")
REFUSED = "Sorry, you do not have permission to access this area."


def revoke_url(certificate):
    return reverse("certificates_admin:revoke", args=[certificate.pk])


@pytest.fixture
def login(db):
    def log_in(user):
        client = Client()
        client.force_login(user)
        client.cookies["django_language"] = "en"
        return client

    return log_in


@pytest.fixture
def admin_client(login, make_staff, roles):
    return login(make_staff(roles.CITY_ADMIN, full_name="Trần Thị Quản Trị"))


def test_city_admin_lists_and_revokes_with_a_reason(
    issued, admin_client, django_capture_on_commit_callbacks
):
    listing = admin_client.get(INDEX)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert issued.code in html and "Nguyễn Thị Hồng Nhung" in html
    assert f'"{INDEX}"' in admin_client.get(ADMIN_HOME).content.decode()

    form = admin_client.get(revoke_url(issued))
    assert form.status_code == 200
    assert b'name="reason"' in form.content

    refused = admin_client.post(revoke_url(issued), {"action": "revoke", "reason": ""})
    assert refused.status_code == 200
    issued.refresh_from_db()
    assert issued.is_valid

    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            revoke_url(issued), {"action": "revoke", "reason": "Cấp nhầm"}
        )
    assert done.status_code == 302
    issued.refresh_from_db()
    assert issued.revoked_reason == "Cấp nhầm"
    page = Client().get(reverse("certificates:verify", args=[issued.code]))
    assert b'data-status="revoked"' in page.content
    assert "Cấp nhầm" in page.content.decode()


def test_city_admin_reissues_after_a_correction(
    issued, holder, admin_client, django_capture_on_commit_callbacks
):
    holder.full_name = "Nguyễn Thị Hồng Nhung Anh"
    holder.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(revoke_url(issued), {"action": "reissue"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.revoked_reason == REISSUED
    new = Certificate.objects.get(user=holder, revoked_at=None)
    assert new.holder_name == "Nguyễn Thị Hồng Nhung Anh"


@pytest.mark.parametrize("role", ["editor", "volunteer", "officer"])
def test_others_cannot_revoke(role, issued, places, make_staff, roles, login):
    user = {
        "editor": lambda: make_staff(roles.EDITOR),
        "volunteer": lambda: make_staff(roles.VOLUNTEER, neighbourhood=places["n1"]),
        "officer": lambda: make_staff(roles.OFFICER, ward=places["ward"]),
    }[role]()
    client = login(user)
    for response in (
        client.get(INDEX),
        client.get(revoke_url(issued)),
        client.post(revoke_url(issued), {"action": "revoke", "reason": "x"}),
    ):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            # Editors: Wagtail's refusal; volunteers and officers never enter.
            assert response.url == ADMIN_HOME or response.url.startswith(
                "/admin/login/"
            )
    issued.refresh_from_db()
    assert issued.is_valid
    if role == "editor":
        assert f'"{INDEX}"' not in client.get(ADMIN_HOME).content.decode()
