"""What residents read when something goes wrong is Vietnamese: our sign-in messages,
and the messages of Django itself that its Vietnamese catalogue lacks (our catalogue
translates them, listed in `accounts.django_strings` so that `make messages` keeps
them)."""

import pytest
from django import forms
from django.test import Client
from django.utils import translation

from accounts.models import User
from tests.community.factories import UserFactory

SIGNUP = "/accounts/signup/"
REQUEST_CODE = "/accounts/login/code/"
CONFIRM_CODE = "/accounts/login/code/confirm/"


def signup_data(place, **overrides):
    return {
        "phone": "0912 345 678",
        "full_name": "Nguyễn Thị Nhung",
        "birth_year": "1961",
        "neighbourhood": str(place.pk),
        "password1": "hoc-vu-so-2026",
        "password2": "hoc-vu-so-2026",
        "consent": "on",
        **overrides,
    }


def test_a_null_character_is_explained_in_vietnamese(client, places):
    response = client.post(SIGNUP, signup_data(places["n1"], full_name="Lan\x00"))

    assert response.status_code == 200
    error = response.context["form"].errors["full_name"][0]
    assert error == "Có ký tự không hợp lệ trong ô này. Vui lòng xóa đi rồi gõ lại."
    assert not User.objects.exists()


def test_a_short_password_is_explained_in_vietnamese(client, places):
    data = signup_data(places["n1"], password1="hoc-vu7", password2="hoc-vu7")
    response = client.post(SIGNUP, data)

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["password1"])
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in errors


def test_a_choice_that_does_not_exist_and_a_number_that_is_not_one():
    with translation.override("vi"):
        choice = forms.ModelMultipleChoiceField(queryset=User.objects.none())
        with pytest.raises(forms.ValidationError) as error:
            choice.clean(["abc"])
        assert error.value.messages == ["“abc” không phải là lựa chọn hợp lệ."]
        with pytest.raises(forms.ValidationError) as error:
            forms.IntegerField().clean("mười")
        assert error.value.messages == ["Vui lòng nhập một số, chỉ gồm chữ số."]


def test_every_listed_django_message_has_a_vietnamese_translation():
    from accounts import django_strings

    with translation.override("en"):
        english = [str(message) for message in django_strings.PLURAL_MESSAGES]
    with translation.override("vi"):
        for message in django_strings.DJANGO_MESSAGES:
            assert translation.gettext(message) != message
        assert [str(message) for message in django_strings.PLURAL_MESSAGES] != english


def test_the_code_request_answer_is_vietnamese(db):
    UserFactory(phone="+84912345678")
    client = Client()
    response = client.post(REQUEST_CODE, {"phone": "0912 345 678"}, follow=True)
    page = response.content.decode()
    assert "Nếu số này đã có tài khoản, mã đăng nhập đang được gửi đến." in page
    assert "Nếu số 0912 345 678 đã có tài khoản" in page


def test_the_code_request_limit_is_vietnamese(db):
    for _ in range(3):
        Client().post(REQUEST_CODE, {"phone": "0987 654 321"})
    response = Client().post(REQUEST_CODE, {"phone": "0987 654 321"})
    error = response.context["form"].errors["phone"][0]
    assert error.startswith("Mã đăng nhập đã được xin quá nhiều lần")
    assert "Vui lòng đợi 10 phút rồi xin lại." in error


def test_the_sign_up_limit_is_vietnamese(places):
    taken = [UserFactory(phone=f"+8491300{i:04d}") for i in range(21)]
    prober = Client()
    for person in taken:
        response = prober.post(SIGNUP, signup_data(places["n1"], phone=person.phone))
    error = response.context["form"].errors["phone"][0]
    assert error.startswith("Có quá nhiều lần đăng ký từ mạng này.")
    assert "Vui lòng đợi 60 phút rồi thử lại." in error
