import re
from unittest import mock

import pytest
from django.db import DatabaseError

from community.roles import EDITORS_GROUP, Role


@pytest.mark.django_db
def test_home_page_is_vietnamese_and_phone_ready(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert "Đăng ký" in html and "Đăng nhập" in html
    # Readable and usable without JavaScript: scripts only enhance (deferred files
    # of our own: share sheet, offline reading), never inline, never third-party.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all(
        re.fullmatch(r'<script src="/static/js/[\w-]+\.js" defer>', s) for s in scripts
    )


@pytest.mark.django_db
def test_english_switch_sets_a_cookie_and_keeps_the_path(client):
    response = client.post(
        "/i18n/setlang/", {"language": "en", "next": "/accounts/login/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert "Sign in" in html
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng nhập" in client.get("/accounts/login/").content.decode()


@pytest.mark.django_db
def test_browser_language_alone_does_not_switch_to_english(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html


@pytest.mark.django_db
def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute") as execute:
        execute.side_effect = DatabaseError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_wagtail_login_leads_to_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/MQ/set-password/",
        "/admin/password_reset/complete/",
    ],
)
def test_wagtail_password_reset_is_closed(client, path, make_staff, mailoutbox):
    """Staff sign in only through allauth; a second way to take over an account
    (by the e-mail address on a staff record) would go around its limits."""
    make_staff(Role.CITY_ADMIN, email="thanhpho@example.vn")
    assert client.get(path).status_code == 404
    response = client.post(path, {"email": "thanhpho@example.vn"})
    assert response.status_code == 404
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("role", "enters"),
    [
        (Role.VOLUNTEER, False),
        (Role.OFFICER, False),
        (Role.EDITOR, True),
        (Role.CITY_ADMIN, True),
    ],
)
def test_only_editors_and_city_admins_enter_the_admin(
    client, places, make_staff, role, enters
):
    scope = {"neighbourhood": places["n1"]} if role == Role.VOLUNTEER else {}
    if role == Role.OFFICER:
        scope = {"ward": places["ward"]}
    client.force_login(make_staff(role, **scope))
    response = client.get("/admin/")
    if enters:
        assert response.status_code == 200
    else:
        # Told plainly, not bounced between the admin and the login page.
        response = client.get("/admin/pages/", follow=True)
        assert response.status_code == 403
        assert len(response.redirect_chain) == 1


def test_staff_log_in_to_the_admin_through_allauth(client, make_staff):
    from tests.community.factories import PASSWORD

    editor = make_staff(Role.EDITOR, phone="+84912000999")
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": "0912 000 999", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert editor.groups.filter(name=EDITORS_GROUP).exists()
