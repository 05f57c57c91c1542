"""Withdraw consent / delete my account (`/accounts/me/delete/`), and who may use
the account pages at all."""

import pytest
from django.test import Client
from django.utils import translation

from accounts.models import User
from certificates.models import Certificate
from certificates.names import name_mask
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role
from tests.community.factories import PASSWORD
from tests.community.test_privacy import live_a_full_life

DELETE = "/accounts/me/delete/"
DELETED = "/accounts/me/deleted/"
ACCOUNT_URLS = [
    "/accounts/me/",
    "/accounts/me/edit/",
    "/accounts/me/data/",
    "/accounts/me/data.json",
    DELETE,
    "/accounts/phone/change/",
    "/accounts/password/change/",
    "/accounts/sessions/",
]


@pytest.fixture
def resident(places, make_resident):
    return make_resident(
        places["n1"], phone="+84912345678", full_name="Phan Thị Lụa", birth_year=1955
    )


def signed_in(user) -> Client:
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": user.phone, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("url", ACCOUNT_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "role", [Role.VOLUNTEER, Role.OFFICER, Role.EDITOR, Role.CITY_ADMIN]
)
def test_staff_of_every_role_see_only_their_own_account(
    client, places, resident, make_staff, role
):
    scope = {
        Role.VOLUNTEER: {"neighbourhood": places["n1"]},
        Role.OFFICER: {"ward": places["ward"]},
    }.get(role, {})
    staff = make_staff(role, full_name="Cán Bộ Thử", **scope)
    client.force_login(staff)
    for url in ("/accounts/me/", "/accounts/me/data/", "/accounts/me/data.json"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Cán Bộ Thử" in body
        assert "Phan Thị Lụa" not in body
        assert "0912" not in body
    # No query parameter or form field opens someone else's record.
    response = client.get(f"/accounts/me/data.json?user={resident.pk}")
    assert "Phan Thị Lụa" not in response.content.decode()
    # Staff have no resident record to edit here (their care pages are in /team/).
    assert client.get("/accounts/me/edit/").status_code == 302
    # Staff roles stay with the ward: no self-deletion while holding one.
    response = client.post(DELETE, {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 200
    assert response.context["refusal"]
    staff.refresh_from_db()
    assert staff.is_active and staff.full_name == "Cán Bộ Thử"
    assert not AccessLogEntry.objects.exists()


def test_a_resident_cannot_touch_another_residents_record(client, places, resident):
    other = User.objects.create_user(phone="+84933000111", full_name="Khác Người")
    client.force_login(other)
    response = client.post(
        "/accounts/me/edit/",
        {"full_name": "Bị Sửa", "birth_year": "1900", "neighbourhood": places["n2"].pk},
    )
    assert response.status_code == 302  # no profile: nothing to edit
    resident.refresh_from_db()
    assert resident.full_name == "Phan Thị Lụa"


def test_the_confirmation_page_says_what_happens(client, resident):
    client.force_login(resident)
    response = client.get(DELETE)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    form = response.context["form"]
    assert set(form.fields) == {"confirm", "password"}
    assert response.context["refusal"] is None


@pytest.mark.parametrize(
    "data",
    [
        {"password": PASSWORD},  # not ticked
        {"confirm": "on", "password": "sai-mat-khau"},
        {"confirm": "on"},
    ],
)
def test_nothing_is_erased_without_the_tick_and_the_password(client, resident, data):
    client.force_login(resident)
    response = client.post(DELETE, data)
    assert response.status_code == 400
    resident.refresh_from_db()
    assert resident.full_name == "Phan Thị Lụa"
    assert resident.is_active
    assert ResidentProfile.objects.get(user=resident).is_active


def test_a_get_never_erases(client, resident):
    client.force_login(resident)
    client.get(DELETE + "?confirm=on&password=" + PASSWORD)
    resident.refresh_from_db()
    assert resident.is_active


def test_password_guessing_is_limited(client, resident):
    client.force_login(resident)
    statuses = [
        client.post(DELETE, {"confirm": "on", "password": f"sai-{n}"}).status_code
        for n in range(11)
    ]
    assert statuses[-1] == 429
    response = client.post(DELETE, {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 429
    resident.refresh_from_db()
    assert resident.is_active


def test_delete_my_account_erases_revokes_and_signs_out(
    places, resident, make_staff, django_capture_on_commit_callbacks
):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    life = live_a_full_life(
        resident,
        volunteer=volunteer,
        slug="vneid",
        place="Nhà văn hóa",
        capture=django_capture_on_commit_callbacks,
    )
    pdf = Certificate.objects.get(pk=life.certificate.pk).pdf
    assert pdf.storage.exists(pdf.name)
    phone, other_device = signed_in(resident), signed_in(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = phone.post(DELETE, {"confirm": "on", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == DELETED
    goodbye = phone.get(DELETED)
    assert goodbye.status_code == 200
    # Signed out everywhere, and no way back in.
    assert phone.get("/accounts/me/").status_code == 302
    assert other_device.get("/accounts/me/").status_code == 302
    response = Client().post(
        "/accounts/login/", {"login": "0912345678", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session

    user = User.objects.get(pk=resident.pk)
    assert (user.full_name, user.phone, user.birth_year, user.is_active) == (
        "",
        None,
        None,
        False,
    )
    profile = ResidentProfile.objects.get(user=user)
    assert profile.status == ResidentProfile.Status.WITHDRAWN
    # The resident's own erasure is not a staff access.
    assert not AccessLogEntry.objects.filter(
        subject=user, action=AccessLogEntry.Action.CHANGED, actor=user
    ).exists()

    certificate = Certificate.objects.get(pk=life.certificate.pk)
    assert certificate.revoked_reason == "withdrawn"
    assert certificate.revoked_at is not None
    assert (certificate.holder_name, certificate.holder_birth_year) == ("", None)
    assert not certificate.pdf
    assert not pdf.storage.exists(pdf.name)


def test_the_verification_page_says_withdrawn_and_shows_no_name(
    client, places, resident, make_staff, django_capture_on_commit_callbacks
):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    life = live_a_full_life(
        resident,
        volunteer=volunteer,
        slug="vneid",
        place="Nhà văn hóa",
        capture=django_capture_on_commit_callbacks,
        signed_in=False,
    )
    verify = f"/certificates/verify/{life.certificate.code}/"
    assert name_mask("Phan Thị Lụa") in client.get(verify).content.decode()
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DELETE, {"confirm": "on", "password": PASSWORD})

    response = Client().get(verify)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="revoked"' in page
    with translation.override("vi"):
        withdrawn = translation.gettext(
            "Withdrawn: the holder withdrew their consent and their personal data "
            "was erased."
        )
    assert withdrawn in page
    assert name_mask("Phan Thị Lụa") not in page
    assert "Lụa" not in page and "Phan" not in page
    assert 'class="verify-name"' not in page
    # The PDF is gone for everyone.
    assert Client().get(f"/certificates/{life.certificate.code}.pdf").status_code == 404


def test_a_resident_without_a_password_confirms_with_the_tick(
    client, places, make_resident, django_capture_on_commit_callbacks
):
    user = make_resident(places["n2"], phone=None, full_name="Mạc Văn Tâm")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    assert set(client.get(DELETE).context["form"].fields) == {"confirm"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"confirm": "on"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "" and not user.is_active


def test_after_signing_in_by_sms_code_the_tick_is_enough(
    resident, django_capture_on_commit_callbacks
):
    from tests.community.test_account import signed_in_by_sms_code

    client = signed_in_by_sms_code(resident)
    assert set(client.get(DELETE).context["form"].fields) == {"confirm"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"confirm": "on"})

    assert response.status_code == 302
    resident.refresh_from_db()
    assert not resident.is_active and resident.phone is None


def test_someone_marked_as_moved_away_may_still_withdraw(
    client, places, resident, make_staff, django_capture_on_commit_callbacks
):
    from community.services import resident_mark_gone

    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    resident_mark_gone(
        profile=resident.resident_profile,
        status=ResidentProfile.Status.MOVED_AWAY,
        reason="Chuyển vào Sài Gòn",
        by=volunteer,
    )
    client.force_login(resident)
    assert client.get(DELETE).context["refusal"] is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DELETE, {"confirm": "on", "password": PASSWORD})

    assert response.status_code == 302
    profile = ResidentProfile.objects.get(user=resident)
    assert profile.status == ResidentProfile.Status.WITHDRAWN
    resident.refresh_from_db()
    assert resident.full_name == ""
