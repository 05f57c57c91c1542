"""The access log: city admins browse and filter it in the Wagtail admin, read-only;
editors, officers and volunteers do not see it; old entries are purged by a command.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community.models import AccessLogEntry
from community.roles import Role
from community.services import access_log_record

LOG = reverse("access_log:index")
ADMIN_HOME = reverse("wagtailadmin_home")
Action = AccessLogEntry.Action


@pytest.fixture
def login(db):
    def log_in(user):
        client = Client()
        client.force_login(user)
        client.cookies["django_language"] = "en"
        return client

    return log_in


@pytest.fixture
def logbook(places, make_staff, make_resident):
    """Entries by two staff about residents of two wards, on different days."""
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
    )
    officer = make_staff(
        Role.OFFICER, ward=places["other_ward"], full_name="Lê Văn Nam"
    )
    an = make_resident(places["n1"], full_name="Nguyễn Văn An", phone="+84912345678")
    cuong = make_resident(places["n3"], full_name="Hoàng Văn Cường")
    viewed = access_log_record(
        actor=volunteer, action=Action.VIEWED, subject=an, neighbourhood=places["n1"]
    )
    changed = access_log_record(
        actor=volunteer,
        action=Action.CHANGED,
        subject=an,
        neighbourhood=places["n1"],
        detail="corrected full_name",
    )
    exported = access_log_record(
        actor=officer,
        action=Action.EXPORTED,
        neighbourhood=places["n3"],
        detail="roster (CSV)",
    )
    old = access_log_record(
        actor=officer, action=Action.VIEWED, subject=cuong, neighbourhood=places["n3"]
    )
    AccessLogEntry.objects.filter(pk=old.pk).update(
        at=timezone.now() - timedelta(days=40)
    )
    return {
        **places,
        "volunteer": volunteer,
        "officer": officer,
        "an": an,
        "cuong": cuong,
        "viewed": viewed,
        "changed": changed,
        "exported": exported,
        "old": old,
    }


def _listed(client, **params) -> set[int]:
    response = client.get(LOG, params)
    assert response.status_code == 200
    return {entry.pk for entry in response.context["object_list"]}


def test_city_admin_browses_and_filters_the_log(login, make_staff, logbook):
    client = login(make_staff(Role.CITY_ADMIN))
    everything = {logbook[k].pk for k in ("viewed", "changed", "exported", "old")}
    assert _listed(client) == everything
    page = client.get(LOG)
    assert "Trần Văn Bình" in page.text and "corrected full_name" in page.text
    # By action, by resident (phone as people write it, account number, name).
    assert _listed(client, action=Action.CHANGED) == {logbook["changed"].pk}
    by_resident = {logbook["viewed"].pk, logbook["changed"].pk}
    assert _listed(client, subject="0912 345 678") == by_resident
    assert _listed(client, subject=str(logbook["an"].pk)) == by_resident
    assert _listed(client, subject="Văn An") == by_resident
    # By who did it, by neighbourhood and ward, by date range.
    assert _listed(client, actor="Lê Văn Nam") == {
        logbook["exported"].pk,
        logbook["old"].pk,
    }
    assert _listed(client, neighbourhood=logbook["n1"].pk) == by_resident
    assert _listed(client, ward=logbook["other_ward"].pk) == {
        logbook["exported"].pk,
        logbook["old"].pk,
    }
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert logbook["old"].pk not in _listed(client, at_from=since)
    until = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert _listed(client, at_to=until) == {logbook["old"].pk}


def test_an_erased_resident_shows_as_a_number_only(login, make_staff, logbook):
    an = logbook["an"]
    an.full_name = ""
    an.phone = None
    an.save()
    client = login(make_staff(Role.CITY_ADMIN))
    page = client.get(LOG, {"subject": str(an.pk)})
    assert f"no. {an.pk} (data erased)" in page.text


def test_the_log_is_read_only(login, make_staff, logbook):
    client = login(make_staff(Role.CITY_ADMIN))
    page = client.get(LOG)
    assert "/edit/" not in page.text and "/delete/" not in page.text
    assert client.post(LOG, {"action": "viewed"}).status_code in (200, 405)
    assert AccessLogEntry.objects.count() == 4


@pytest.mark.parametrize("role", [Role.EDITOR, Role.VOLUNTEER, Role.OFFICER])
def test_only_city_admins_see_the_log(role, login, make_staff, logbook):
    scope = {
        Role.EDITOR: {},
        Role.VOLUNTEER: {"neighbourhood": logbook["n1"]},
        Role.OFFICER: {"ward": logbook["ward"]},
    }[role]
    client = login(make_staff(role, **scope))
    response = client.get(LOG)
    assert response.status_code in (302, 403)
    if role == Role.EDITOR:
        # Editors enter the admin, but the log is neither listed nor reachable.
        assert response.url == ADMIN_HOME
        assert LOG not in client.get(ADMIN_HOME).text


def test_anonymous_is_sent_to_log_in(client, logbook):
    response = client.get(LOG)
    assert response.status_code == 302
    assert "login" in response.url


def test_city_admin_sees_the_log_in_the_menu(login, make_staff, logbook):
    client = login(make_staff(Role.CITY_ADMIN))
    assert LOG in client.get(ADMIN_HOME).text


# --- Purging --------------------------------------------------------------------------


def test_purge_deletes_entries_older_than_the_retention(settings, logbook):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    out = StringIO()
    call_command("purge_access_log", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    assert not AccessLogEntry.objects.filter(pk=logbook["old"].pk).exists()
    assert AccessLogEntry.objects.count() == 3


def test_purge_with_days_option_and_nothing_to_delete(settings, logbook):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    out = StringIO()
    call_command("purge_access_log", "--days", "60", stdout=out)
    assert "Deleted 0 " in out.getvalue()
    assert AccessLogEntry.objects.count() == 4


def test_viewing_the_sms_outbox_is_logged_with_the_people_shown(
    login, make_staff, places, make_resident
):
    from accounts.sms import sms_send
    from community.privacy import personal_data_json

    admin = make_staff(Role.CITY_ADMIN, phone="+84900000009")
    an = make_resident(places["n1"], full_name="Nguyễn Văn An", phone="+84912345678")
    binh = make_resident(places["n3"], full_name="Lê Thị Bình", phone="+84987654321")
    for to in (an.phone, an.phone, binh.phone, "+84911111111", admin.phone):
        sms_send(to=to, body="Ma xac nhan 123456")

    assert login(admin).get(reverse("sms-outbox:index")).status_code == 200

    # One entry naming everyone shown (as any list staff open), not the admin's
    # own messages, and how many numbers were of no account.
    entry = AccessLogEntry.objects.get(actor=admin)
    assert entry.action == Action.VIEWED
    assert set(entry.people.values_list("pk", flat=True)) == {an.pk, binh.pk}
    assert "SMS outbox" in entry.detail
    assert "1 number of no account" in entry.detail
    # The resident sees it in their own data download.
    logged = personal_data_json(user=an)["sections"]["access_log"]["items"]
    assert [item["detail"] for item in logged] == [entry.detail]
