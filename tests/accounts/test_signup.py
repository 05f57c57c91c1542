"""Sign-up through allauth's real view, as a resident does it on a phone."""

import pytest

from accounts.models import User
from community.models import ResidentProfile

SIGNUP = "/accounts/signup/"


def signup_data(place, **overrides):
    data = {
        "phone": "0912 345 678",
        "full_name": "  Nguyễn   Thị Nhung ",
        "birth_year": "1961",
        "neighbourhood": str(place.pk),
        "password1": "hoc-vu-so-2026",
        "password2": "hoc-vu-so-2026",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_signup_page_is_vietnamese_and_asks_only_what_is_needed(client, places):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields) == [
        "phone",
        "full_name",
        "birth_year",
        "neighbourhood",
        "password1",
        "password2",
        "consent",
    ]
    assert all(form.fields[name].required for name in form.fields)
    assert 'lang="vi"' in response.content.decode()


@pytest.mark.django_db
def test_signup_with_a_local_number_creates_resident_with_consent(client, places):
    response = client.post(SIGNUP, signup_data(places["n2"]))

    assert response.status_code == 302
    user = User.objects.get()
    assert user.phone == "+84912345678"
    assert user.full_name == "Nguyễn Thị Nhung"
    assert user.birth_year == 1961
    profile = ResidentProfile.objects.get(user=user)
    assert profile.neighbourhood == places["n2"]
    assert profile.consent_given_at is not None
    assert profile.enrolled_how == ResidentProfile.EnrolledHow.SELF
    # Signed in straight away.
    assert client.session["_auth_user_id"] == str(user.pk)


def test_same_number_written_differently_is_refused_as_duplicate(client, places):
    client.post(SIGNUP, signup_data(places["n1"]))
    client.logout()

    response = client.post(SIGNUP, signup_data(places["n1"], phone="+84 912 345 678"))

    assert response.status_code == 200
    errors = response.context["form"].errors["phone"]
    assert "đã được đăng ký" in errors[0]
    assert "đăng nhập" in errors[0]
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "0912 345 678"),
        ("birth_year", "65", "1965"),
        ("consent", "", "đồng ý"),
        ("neighbourhood", "", "Trường này là bắt buộc"),
    ],
)
def test_bad_input_gets_a_clear_vietnamese_message_and_creates_nothing(
    client, places, field, value, message
):
    data = signup_data(places["n1"], **{field: value})
    if not value:
        data.pop(field)

    response = client.post(SIGNUP, data)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not User.objects.exists()
    assert not ResidentProfile.objects.exists()
    # What was typed is kept, so nothing has to be typed twice.
    assert response.context["form"]["full_name"].value().strip().startswith("Nguyễn")


def test_thirty_people_sign_up_from_one_ward_hall_wifi_in_a_minute(client, places):
    for i in range(30):
        response = client.post(
            SIGNUP,
            signup_data(places["n1"], phone=f"0912 000 {i:03d}"),
            REMOTE_ADDR="203.0.113.7",
        )
        assert response.status_code == 302, (i, response.content[:300])
        client.logout()
    assert User.objects.count() == 30


def test_phone_verification_by_sms_when_the_setting_is_on(client, places, settings):
    import re

    from accounts.models import SmsMessage

    settings.ACCOUNT_PHONE_VERIFICATION_ENABLED = True

    response = client.post(SIGNUP, signup_data(places["n1"]))

    assert response.status_code == 302
    user = User.objects.get()
    assert not user.phone_verified
    sms = SmsMessage.objects.get(to="+84912345678")
    code = re.search(r"\b(\d{6})\b", sms.body).group(1)
    assert "Khong dua ma nay cho bat ky ai" in sms.body

    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    user.refresh_from_db()
    assert not user.phone_verified

    client.post(response["Location"], {"code": code})
    user.refresh_from_db()
    assert user.phone_verified


def test_already_registered_answers_are_limited_per_address(client, places):
    from django.test import Client

    from tests.community.factories import UserFactory

    taken = [UserFactory(phone=f"+8491300{i:04d}") for i in range(21)]
    prober = Client(REMOTE_ADDR="198.51.100.7")
    prober.cookies["django_language"] = "en"
    for person in taken[:20]:
        response = prober.post(SIGNUP, signup_data(places["n1"], phone=person.phone))
        assert "already registered" in response.context["form"].errors["phone"][0]

    # The 21st answer within the hour from that address is the limit, for a
    # registered number and for a free one alike: nothing tells them apart.
    for phone in (taken[20].phone, "0912 999 888"):
        response = prober.post(SIGNUP, signup_data(places["n1"], phone=phone))
        assert response.status_code == 200
        error = " ".join(response.context["form"].errors["phone"])
        assert "already registered" not in error
        assert "Too many" in error
    assert not User.objects.filter(phone="+84912999888").exists()

    # Another address (another family's phone network) is told as before.
    neighbour = Client(REMOTE_ADDR="198.51.100.8")
    neighbour.cookies["django_language"] = "en"
    response = neighbour.post(SIGNUP, signup_data(places["n1"], phone=taken[0].phone))
    assert "already registered" in response.context["form"].errors["phone"][0]


def test_invisible_characters_in_the_name_are_not_stored(client, places):
    name = "Nguy\u0065\u0302\u0303n \u202e. Th\u1ecb\u200b Nhung\u2066"
    response = client.post(SIGNUP, signup_data(places["n1"], full_name=name))

    assert response.status_code == 302
    assert User.objects.get().full_name == "Nguyễn . Thị Nhung"


def test_a_name_of_only_invisible_characters_is_refused(client, places):
    response = client.post(
        SIGNUP, signup_data(places["n1"], full_name="\u200b\u202e\u200b\u2060")
    )

    assert response.status_code == 200
    assert "họ và tên" in response.context["form"].errors["full_name"][0]
    assert not User.objects.exists()
