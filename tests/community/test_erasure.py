"""After a resident deletes their account, nothing personal is left anywhere.

Issue #9, "What it must show": every table and every text, character, JSON and
binary column of the database is searched (found by introspection, not a list
written by hand) for the person's name, their phone number in every way it is
written, and their birth year in the birth-year-like columns. The statistics keep
their totals, except the count of residents who left; the certificate's
verification page says "withdrawn" and shows no name.
"""

import dataclasses
import datetime
import re
import unicodedata

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.utils import timezone, translation

from accounts.models import SmsMessage
from certificates.models import Certificate
from certificates.names import name_mask
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role
from community.services import resident_details_update
from stats.selectors import ward_dashboard
from tests.community.factories import PASSWORD
from tests.community.test_privacy import live_a_full_life

NAME = "Quách Thị Diệu Linh"
PHONE_E164 = "+84916543217"
OLD_PHONE = "+84398765412"  # before the SIM was changed
BIRTH_YEAR = 1953
TEXT_TYPES = {"CharField", "TextField", "JSONField", "BinaryField", "SlugField"}
TEXT_TYPES |= {"EmailField", "URLField", "GenericIPAddressField", "FilePathField"}
NUMBER_TYPES = {
    "IntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "BigIntegerField",
}


def plain(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


NEEDLES = [
    NAME,
    NAME.lower(),
    plain(NAME),
    plain(NAME).lower(),
    "Diệu Linh",
    PHONE_E164,
    PHONE_E164[1:],  # 84916543217
    "0916543217",
    "0916 543 217",
    "0916.543.217",
    "916543217",
    OLD_PHONE,
    "0398765412",
    "0398 765 412",
    "398765412",
]


def _as_text(value) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="ignore")
    return str(value)


def personal_traces() -> list[str]:
    """Every (table.column: needle) where something of the person is still found."""
    found = []
    introspection = connection.introspection
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in introspection.table_names(cursor):
            columns = introspection.get_table_description(cursor, table)
            for column in columns:
                try:
                    kind = introspection.get_field_type(column.type_code, column)
                except KeyError:
                    kind = "TextField"  # unknown type: search it as text
                if kind in TEXT_TYPES:
                    cursor.execute(
                        f"SELECT {quote(column.name)} FROM {quote(table)} "
                        f"WHERE {quote(column.name)} IS NOT NULL"
                    )
                    for (value,) in cursor.fetchall():
                        text = _as_text(value)
                        if table == "django_session" and column.name == "session_data":
                            text += repr(SessionStore().decode(text))
                        found += [
                            f"{table}.{column.name}: {needle}"
                            for needle in NEEDLES
                            if needle in text
                        ]
                elif kind in NUMBER_TYPES and (
                    "birth" in column.name or "year" in column.name
                ):
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} "
                        f"WHERE {quote(column.name)} = %s",
                        [BIRTH_YEAR],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}: {BIRTH_YEAR}")
    return found


def totals(officer, ward) -> dict:
    today = timezone.localdate()
    dashboard = ward_dashboard(
        officer, ward, today - datetime.timedelta(days=60), today
    )
    return dataclasses.asdict(dashboard.total)


@pytest.fixture
def ward_life(places, make_resident, make_staff, django_capture_on_commit_callbacks):
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
    )
    officer = make_staff(Role.OFFICER, ward=places["ward"], full_name="Phạm Minh Tuấn")
    with django_capture_on_commit_callbacks(execute=True):
        person = make_resident(
            places["n1"], phone=OLD_PHONE, full_name=NAME, birth_year=BIRTH_YEAR
        )
        neighbour = make_resident(
            places["n1"], phone="+84987000111", full_name="Đặng Văn Khoa"
        )
    life = live_a_full_life(
        person,
        volunteer=volunteer,
        slug="vneid",
        place="Nhà văn hóa tổ 1",
        capture=django_capture_on_commit_callbacks,
    )
    live_a_full_life(
        neighbour,
        volunteer=volunteer,
        slug="zalo",
        place="Sân đình",
        capture=django_capture_on_commit_callbacks,
    )
    # A new SIM: the resident changes their number with the code sent to it.
    client = Client()
    client.force_login(person)
    assert (
        client.post("/accounts/phone/change/", {"phone": "0916 543 217"}).status_code
        == 302
    )
    sms = SmsMessage.objects.get(to=PHONE_E164)
    code = re.search(r"\b(\d{6})\b", sms.body).group(1)
    assert client.post("/accounts/phone/verify/", {"code": code}).status_code == 302
    person.refresh_from_db()
    assert person.phone == PHONE_E164
    with django_capture_on_commit_callbacks(execute=True):
        # A volunteer corrects the record (one more access-log entry, announced).
        resident_details_update(
            profile=ResidentProfile.objects.get(user=person),
            full_name=NAME,
            birth_year=BIRTH_YEAR + 1,
            by=volunteer,
        )
        resident_details_update(
            profile=ResidentProfile.objects.get(user=person),
            full_name=NAME,
            birth_year=BIRTH_YEAR,
            by=volunteer,
        )
    return {
        "person": person,
        "life": life,
        "volunteer": volunteer,
        "officer": officer,
        "ward": places["ward"],
    }


def test_after_deletion_nothing_personal_is_left_anywhere(
    ward_life, django_capture_on_commit_callbacks
):
    person, life = ward_life["person"], ward_life["life"]
    officer, ward = ward_life["officer"], ward_life["ward"]
    # Everything is really there before: the search finds it in many places.
    before_traces = personal_traces()
    for where in (
        "accounts_user.full_name",
        "accounts_user.phone",
        "accounts_user.birth_year",
        "certificates_certificate.holder_name",
        "certificates_certificate.holder_birth_year",
        "accounts_smsmessage.to",
    ):
        assert any(trace.startswith(where) for trace in before_traces), where
    assert AccessLogEntry.objects.filter(subject=person).count() >= 3
    pdf = Certificate.objects.get(pk=life.certificate.pk).pdf
    assert pdf.storage.exists(pdf.name)
    stats_before = totals(officer, ward)
    assert stats_before["registered"] == 2
    assert stats_before["certificates"] == 2

    client = Client()
    client.post("/accounts/login/", {"login": "0916 543 217", "password": PASSWORD})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/me/delete/", {"confirm": "on", "password": PASSWORD}
        )
    assert response.status_code == 302

    assert personal_traces() == []
    assert not pdf.storage.exists(pdf.name)
    # The anonymous learning records stay, for the statistics.
    assert person.lesson_progress.count() == 2
    assert person.quiz_attempts.count() == 1
    # The access log keeps who looked and when, about a nameless row.
    assert AccessLogEntry.objects.filter(subject=person).count() >= 3

    stats_after = totals(officer, ward)
    changed = {
        key
        for key in stats_before
        if stats_before[key] != stats_after[key] and key != "weakest"
    }
    assert changed <= {"registered", "removed", "week_registered"}, (
        stats_before,
        stats_after,
    )
    # The withdrawal is counted among those who left; "registered" counts either
    # everyone who signed up or the residents still active (stats decides).
    assert stats_after["removed"] == stats_before["removed"] + 1
    assert stats_after["registered"] in {
        stats_before["registered"],
        stats_before["registered"] - 1,
    }

    page = Client().get(f"/certificates/verify/{life.certificate.code}/")
    text = page.content.decode()
    with translation.override("vi"):
        withdrawn = translation.gettext(
            "Withdrawn: the holder withdrew their consent and their personal data "
            "was erased."
        )
    assert withdrawn in text
    assert name_mask(NAME) not in text
    assert "Linh" not in text
