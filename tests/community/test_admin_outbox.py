"""The SMS outbox in the Wagtail admin: read-only, for city admins only."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.models import SmsMessage
from accounts.sms import sms_send
from community.models import AccessLogEntry
from community.roles import Role

OUTBOX = reverse("sms-outbox:index")
ADMIN_HOME = reverse("wagtailadmin_home")


@pytest.fixture
def login(db):
    def log_in(user):
        client = Client()
        client.force_login(user)
        client.cookies["django_language"] = "en"
        return client

    return log_in


@pytest.fixture
def admin_client(login, make_staff):
    return login(make_staff(Role.CITY_ADMIN))


@pytest.fixture
def editor_client(login, make_staff):
    return login(make_staff(Role.EDITOR))


def test_outbox_lists_a_message_sent_by_sms_send(admin_client):
    sms_send(to="+84912345678", body="Mã đăng nhập của bác là 482913.")
    response = admin_client.get(OUTBOX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mã đăng nhập của bác là 482913." in page
    assert "0912 345 678" in page


def test_outbox_shows_the_newest_first(admin_client):
    sms_send(to="+84912345678", body="Tin nhắn cũ")
    sms_send(to="+84912345678", body="Tin nhắn mới")
    SmsMessage.objects.filter(body="Tin nhắn cũ").update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    page = admin_client.get(OUTBOX).content.decode()
    assert page.index("Tin nhắn mới") < page.index("Tin nhắn cũ")


@pytest.mark.parametrize("query", ["0912 345 678", "+84 912 345 678", "0912"])
def test_outbox_search_by_number_as_people_type_it(admin_client, query):
    sms_send(to="+84912345678", body="Cho số cần tìm")
    sms_send(to="+84987654321", body="Cho số khác")
    response = admin_client.get(OUTBOX, {"q": query})
    page = response.content.decode()
    assert "Cho số cần tìm" in page
    assert "Cho số khác" not in page


def test_outbox_search_without_digits_finds_nothing(admin_client):
    sms_send(to="+84912345678", body="Một tin nhắn")
    page = admin_client.get(OUTBOX, {"q": "abc"}).content.decode()
    assert "Một tin nhắn" not in page


def test_outbox_is_read_only(admin_client):
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"sms-outbox:{name}")
    sms_send(to="+84912345678", body="Không sửa được")
    response = admin_client.post(OUTBOX, {"to": "+84900000000", "body": "Giả"})
    assert response.status_code == 405
    assert list(SmsMessage.objects.values_list("body", flat=True)) == ["Không sửa được"]
    page = admin_client.get(OUTBOX).content.decode()
    assert "/edit/" not in page
    assert "/delete/" not in page


def test_outbox_queries_do_not_grow_with_messages(
    admin_client, django_assert_max_num_queries
):
    sms_send(to="+84912345678", body="Một")
    admin_client.get(OUTBOX)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        admin_client.get(OUTBOX)
    for number in range(20):
        sms_send(to=f"+8491234{number:04d}", body=f"Tin {number}")
    with django_assert_max_num_queries(len(few)):
        admin_client.get(OUTBOX)


def test_editor_is_refused_the_outbox_and_does_not_see_it(admin_client, editor_client):
    sms_send(to="+84912345678", body="Mã bí mật 123456")
    response = editor_client.get(OUTBOX)
    assert response.status_code == 302
    assert response.url == ADMIN_HOME
    home = editor_client.get(ADMIN_HOME).content.decode()
    assert "Sorry, you do not have permission to access this area." in home
    assert "Mã bí mật 123456" not in home
    assert f'"{OUTBOX}"' not in home
    assert f'"{OUTBOX}"' in admin_client.get(ADMIN_HOME).content.decode()


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.OFFICER])
def test_volunteer_and_officer_cannot_open_the_outbox(role, places, make_staff, login):
    if role == Role.VOLUNTEER:
        user = make_staff(role, neighbourhood=places["n1"])
    else:
        user = make_staff(role, ward=places["ward"])
    response = login(user).get(OUTBOX, follow=True)
    assert response.status_code == 403


def test_viewing_the_outbox_logs_the_viewer_and_the_people_shown(
    admin_client, make_resident, places
):
    people = [
        make_resident(places["n1"], phone=f"+8491234{number:04d}")
        for number in range(3)
    ]
    for person in people:
        sms_send(to=person.phone, body="Tin")
    sms_send(to=people[0].phone, body="Tin nữa cho cùng số")

    admin_client.get(OUTBOX)
    admin_client.get(OUTBOX, {"q": "0912 340 001"})

    viewer = int(admin_client.session["_auth_user_id"])
    entries = AccessLogEntry.objects.filter(actor_id=viewer).order_by("pk")
    assert [sorted(e.people.values_list("pk", flat=True)) for e in entries] == [
        sorted(p.pk for p in people),
        [people[1].pk],
    ]


def test_codes_are_masked_when_the_setting_says_so(admin_client, settings):
    sms_send(
        to="+84912345678", body="Ma xac nhan cua ban la 482913. Ma co hieu luc 10 phut."
    )
    assert "482913" in admin_client.get(OUTBOX).content.decode()

    settings.SMS_OUTBOX_SHOW_CODES = False
    page = admin_client.get(OUTBOX).content.decode()
    assert "482913" not in page
    assert "Ma xac nhan cua ban la ••••••. Ma co hieu luc 10 phut." in page
    # The number stays: city admins look messages up by it.
    assert "0912 345 678" in page
