"""My account (`/accounts/me/`): details, move, phone, password, devices (issue #9)."""

import re
import time

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client

from accounts.models import SmsMessage, User
from accounts.services import sessions_end
from community.models import AccessLogEntry, ResidentProfile
from community.signals import resident_moved, resident_updated
from tests.community.factories import PASSWORD, UserFactory

ACCOUNT = "/accounts/me/"
EDIT = "/accounts/me/edit/"
PHONE = "/accounts/phone/change/"
VERIFY_PHONE = "/accounts/phone/verify/"
PASSWORD_CHANGE = "/accounts/password/change/"
PASSWORD_SET = "/accounts/password/set/"
SESSIONS = "/accounts/sessions/"


@pytest.fixture
def resident(places, make_resident):
    return make_resident(
        places["n1"], phone="+84912345678", full_name="Trần Thị Mai", birth_year=1958
    )


def signed_in(user) -> Client:
    """A client signed in through the real login form (allauth records the device)."""
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": user.phone, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content[:300]
    return client


def test_the_account_page_shows_my_details_and_every_link(client, resident, places):
    client.force_login(resident)
    response = client.get(ACCOUNT)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Trần Thị Mai" in page
    assert "0912 345 678" in page
    assert "1958" in page
    assert places["n1"].name in page
    for link in (EDIT, PHONE, PASSWORD_CHANGE, SESSIONS, "/accounts/me/data/"):
        assert f'href="{link}"' in page
    assert 'href="/accounts/me/delete/"' in page
    assert "no-store" in response["Cache-Control"]
    # The site's menu leads here, where "My learning" is.
    assert f'href="{ACCOUNT}"' in client.get("/learning/my/").content.decode()


def test_a_resident_corrects_name_and_birth_year(
    client, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    announced = []

    def listener(sender, profile, fields, **kwargs):
        announced.append(fields)

    resident_updated.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                EDIT,
                {
                    "full_name": "  Trần   Thị Mai Anh ",
                    "birth_year": "1959",
                    "neighbourhood": resident.resident_profile.neighbourhood_id,
                },
            )
    finally:
        resident_updated.disconnect(listener)
    assert response.status_code == 302
    assert response["Location"] == ACCOUNT
    resident.refresh_from_db()
    assert resident.full_name == "Trần Thị Mai Anh"
    assert resident.birth_year == 1959
    assert announced == [frozenset({"full_name", "birth_year"})]
    # One's own correction is not a staff access.
    assert not AccessLogEntry.objects.exists()


def test_a_move_is_announced_so_statistics_follow(
    client, resident, places, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    moves = []

    def listener(sender, profile, from_neighbourhood_id, **kwargs):
        moves.append((profile.neighbourhood_id, from_neighbourhood_id))

    resident_moved.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                EDIT,
                {
                    "full_name": resident.full_name,
                    "birth_year": "1958",
                    "neighbourhood": places["n3"].pk,  # another ward's
                },
            )
    finally:
        resident_moved.disconnect(listener)
    assert response.status_code == 302
    assert ResidentProfile.objects.get(user=resident).neighbourhood == places["n3"]
    assert moves == [(places["n3"].pk, places["n1"].pk)]


def test_the_neighbourhood_picker_groups_by_ward_own_ward_first(
    client, places, make_resident
):
    user = make_resident(places["n3"])
    client.force_login(user)
    page = client.get(EDIT).content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)"', page)
    assert groups[0] == str(places["other_ward"])
    assert str(places["ward"]) in groups
    assert f'value="{places["n3"].pk}" selected' in page


def test_bad_details_are_refused_and_nothing_changes(client, resident):
    client.force_login(resident)
    response = client.post(
        EDIT,
        {"full_name": " ", "birth_year": "65", "neighbourhood": "999999"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"full_name", "birth_year", "neighbourhood"}
    resident.refresh_from_db()
    assert resident.full_name == "Trần Thị Mai"
    assert resident.birth_year == 1958


def test_the_phone_changes_only_after_the_code_sent_to_the_new_number(client, resident):
    client.force_login(resident)
    assert client.get(PHONE).status_code == 200

    response = client.post(PHONE, {"phone": "0987 654 321"})
    assert response.status_code == 302
    assert response["Location"] == VERIFY_PHONE
    resident.refresh_from_db()
    assert resident.phone == "+84912345678"  # not yet
    message = SmsMessage.objects.get(to="+84987654321")
    code = re.search(r"\b(\d{6})\b", message.body).group(1)
    assert not SmsMessage.objects.filter(to="+84912345678").exists()
    # The code page names the number as people write it.
    assert "0987 654 321" in client.get(VERIFY_PHONE).content.decode()

    wrong = "000000" if code != "000000" else "111111"
    response = client.post(VERIFY_PHONE, {"code": wrong})
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.phone == "+84912345678"

    response = client.post(VERIFY_PHONE, {"code": code})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.phone == "+84987654321"
    assert resident.phone_verified is True
    # From now on they sign in with the new number.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "0987 654 321", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_a_number_already_registered_is_refused(client, resident):
    UserFactory(phone="+84987654321")
    client.force_login(resident)
    response = client.post(PHONE, {"phone": "0987654321"})
    assert response.status_code == 200
    assert response.context["form"].errors["phone"]
    assert not SmsMessage.objects.exists()


def test_change_password(client, resident):
    client.force_login(resident)
    response = client.post(
        PASSWORD_CHANGE,
        {
            "oldpassword": PASSWORD,
            "password1": "hoc-tiep-2027",
            "password2": "hoc-tiep-2027",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == ACCOUNT
    resident.refresh_from_db()
    assert resident.check_password("hoc-tiep-2027")


def test_people_without_a_password_are_offered_to_choose_one(client, places):
    from community.services import resident_register

    user = User.objects.create_user(phone="+84911222333", full_name="Lê Văn Tư")
    user.set_unusable_password()
    user.save()
    resident_register(
        user=user, full_name=user.full_name, birth_year=1950, neighbourhood=places["n1"]
    )
    client.force_login(user)
    page = client.get(ACCOUNT).content.decode()
    assert f'href="{PASSWORD_SET}"' in page
    assert f'href="{PASSWORD_CHANGE}"' not in page
    response = client.post(
        PASSWORD_SET, {"password1": "hoc-tiep-2027", "password2": "hoc-tiep-2027"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("hoc-tiep-2027")


def test_sign_out_of_every_other_device(resident):
    phone, tablet = signed_in(resident), signed_in(resident)
    assert UserSession.objects.filter(user=resident).count() == 2

    page = phone.get(SESSIONS)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    response = phone.post(SESSIONS)
    assert response.status_code == 302

    assert phone.get(ACCOUNT).status_code == 200  # this device stays signed in
    assert tablet.get(ACCOUNT).status_code == 302  # the other is signed out
    assert UserSession.objects.filter(user=resident).count() == 1


def test_sessions_end_ends_every_device_and_nobody_elses(resident, places):
    neighbour = UserFactory(phone="+84933444555")
    first, second, theirs = (
        signed_in(resident),
        signed_in(resident),
        signed_in(neighbour),
    )

    assert sessions_end(user=resident) == 2

    assert first.get(ACCOUNT).status_code == 302
    assert second.get(ACCOUNT).status_code == 302
    assert theirs.get(ACCOUNT).status_code == 200


def test_a_sign_in_card_session_is_a_device_too(places, make_resident, make_staff):
    from accounts.services import signin_card_issue

    user = make_resident(places["n1"], phone=None)
    _card, token = signin_card_issue(user=user, issued_by=None)
    client = Client()
    assert client.post(f"/accounts/card/{token}/").status_code == 302
    assert UserSession.objects.filter(user=user).count() == 1
    assert sessions_end(user=user) == 1
    assert client.get(ACCOUNT).status_code == 302


def signed_in_by_sms_code(user) -> Client:
    """A client signed in with a one-time code read from the SMS outbox."""
    client = Client()
    assert (
        client.post("/accounts/login/code/", {"phone": user.phone}).status_code == 302
    )
    body = SmsMessage.objects.filter(to=user.phone).latest("created_at").body
    code = re.search(r"\b(\d{6})\b", body).group(1)
    assert (
        client.post("/accounts/login/code/confirm/", {"code": code}).status_code == 302
    )
    return client


def test_a_forgotten_password_is_replaced_after_signing_in_by_sms_code(resident):
    client = signed_in_by_sms_code(resident)
    form = client.get(PASSWORD_CHANGE).context["form"]
    assert "oldpassword" not in form.fields

    response = client.post(
        PASSWORD_CHANGE, {"password1": "hoc-tiep-2027", "password2": "hoc-tiep-2027"}
    )

    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password("hoc-tiep-2027")


def test_the_old_password_is_asked_after_a_password_sign_in(resident):
    client = signed_in(resident)
    response = client.post(
        PASSWORD_CHANGE, {"password1": "hoc-tiep-2027", "password2": "hoc-tiep-2027"}
    )
    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    resident.refresh_from_db()
    assert resident.check_password(PASSWORD)


def test_an_sms_code_sign_in_stands_in_for_the_password_only_for_minutes(resident):
    from unittest import mock

    client = signed_in_by_sms_code(resident)
    with mock.patch("accounts.selectors.time.time", return_value=time.time() + 601):
        form = client.get(PASSWORD_CHANGE).context["form"]
    assert "oldpassword" in form.fields


def test_invisible_characters_in_a_corrected_name_are_not_stored(client, resident):
    client.force_login(resident)
    response = client.post(
        EDIT,
        {
            "full_name": "Tr\u1ea7n \u202eTh\u1ecb\u200b Mai\ufeff",
            "birth_year": "1958",
            "neighbourhood": resident.resident_profile.neighbourhood_id,
        },
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.full_name == "Trần Thị Mai"
