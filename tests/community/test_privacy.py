"""Download my data (`/accounts/me/data/`, `data.json`): everything, only mine."""

import datetime
import json
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from accounts.services import signin_card_issue
from certificates.models import Certificate
from certificates.services import certificate_pdf
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role
from community.services import access_log_record
from learning.services import lesson_complete
from quizzes.services import attempt_start, attempt_submit
from teams.services import nudge_send, session_log, vneid_confirm
from tests.community.factories import PASSWORD
from tests.learning.factories import make_course
from tests.quizzes.factories import make_quiz, right_answers

DATA = "/accounts/me/data/"
DATA_JSON = "/accounts/me/data.json"


@dataclass
class Life:
    """What one resident left on the platform, to look for afterwards."""

    user: object
    certificate: Certificate
    session_place: str
    course_title: str
    lesson_title: str


def live_a_full_life(
    user,
    *,
    volunteer,
    slug: str,
    place: str,
    capture,
    signed_in: bool = True,
    nudge: bool = True,
) -> Life:
    """Give `user` something in every app, through the apps' own services."""
    profile = ResidentProfile.objects.get(user=user)
    # A reminder first: it goes to residents idle for some days.
    ResidentProfile.objects.filter(pk=profile.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10)
    )
    with capture(execute=True):
        if nudge:
            sent = nudge_send(
                volunteer=volunteer,
                residents=ResidentProfile.objects.filter(pk=profile.pk),
                days=3,
            ).sent
            assert sent == 1
        course, lessons = make_course(lessons=2, slug=slug)
        course.title = f"Khóa học {slug}"
        course.save_revision().publish()
        quiz = make_quiz(lessons[1])
        lesson_complete(user=user, lesson=lessons[0])
        attempt = attempt_start(user=user, quiz=quiz)
        attempt_submit(attempt=attempt, answers=right_answers(attempt))
    certificate = Certificate.objects.get(user=user, course=course, revoked_at=None)
    certificate_pdf(certificate=Certificate.objects.get(pk=certificate.pk))
    with capture(execute=True):
        vneid_confirm(
            volunteer=volunteer, profile=profile, activated_on=datetime.date(2026, 3, 2)
        )
        session_log(
            volunteer=volunteer,
            date=datetime.date(2026, 3, 9),
            place=place,
            course=course,
            neighbourhood=profile.neighbourhood,
            attendees=[user],
        )
    signin_card_issue(user=user, issued_by=volunteer)
    access_log_record(
        actor=volunteer,
        action=AccessLogEntry.Action.VIEWED,
        subject=user,
        neighbourhood=profile.neighbourhood,
        detail="resident page",
    )
    if signed_in and user.phone:
        Client().post("/accounts/login/", {"login": user.phone, "password": PASSWORD})
    return Life(
        user=user,
        certificate=Certificate.objects.get(pk=certificate.pk),
        session_place=place,
        course_title=course.title,
        lesson_title=lessons[0].title,
    )


@pytest.fixture
def people(places, make_resident, make_staff, django_capture_on_commit_callbacks):
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
    )
    mine = make_resident(
        places["n1"], phone="+84912345678", full_name="Vũ Thị Hằng", birth_year=1957
    )
    theirs = make_resident(
        places["n1"], phone="+84987000111", full_name="Đặng Văn Khoa", birth_year=1949
    )
    return {
        "volunteer": volunteer,
        "mine": live_a_full_life(
            mine,
            volunteer=volunteer,
            slug="vneid",
            place="Nhà văn hóa tổ 1",
            capture=django_capture_on_commit_callbacks,
        ),
        "theirs": live_a_full_life(
            theirs,
            volunteer=volunteer,
            slug="zalo",
            place="Sân đình làng Khoa",
            capture=django_capture_on_commit_callbacks,
        ),
    }


def test_the_page_shows_everything_held_about_me_and_nothing_of_others(client, people):
    mine, theirs = people["mine"], people["theirs"]
    client.force_login(mine.user)

    response = client.get(DATA)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    sections = {section.key for section in response.context["sections"]}
    assert {
        "account",
        "profile",
        "lessons",
        "courses",
        "quiz_attempts",
        "certificates",
        "vneid",
        "group_sessions",
        "reminders",
        "signin_cards",
        "devices",
        "sms",
        "access_log",
    } <= sections
    for expected in (
        "Vũ Thị Hằng",
        "0912 345 678",
        "1957",
        mine.lesson_title,
        mine.course_title,
        "Tải VNeID ở đâu?",  # a quiz question, with the answer given
        "CH Play",
        mine.certificate.code,
        mine.session_place,
        "02/03/2026",  # VNeID activated on
        "Trần Văn Bình",  # the volunteer: VNeID, session, card, access log
        "resident page",  # what the volunteer looked at
    ):
        assert expected in page, expected
    for foreign in (
        "Đặng Văn Khoa",
        "0987 000 111",
        theirs.certificate.code,
        theirs.session_place,
        theirs.course_title,
    ):
        assert foreign not in page, foreign


def test_the_json_file_holds_the_same(client, people):
    mine, theirs = people["mine"], people["theirs"]
    client.force_login(mine.user)

    response = client.get(DATA_JSON)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    data = json.loads(text)["sections"]
    assert data["account"]["items"][0]["full_name"] == "Vũ Thị Hằng"
    assert data["account"]["items"][0]["birth_year"] == 1957
    profile = data["profile"]["items"][0]
    assert profile["neighbourhood"] == mine.user.resident_profile.neighbourhood.name
    assert profile["consent_given_at"]
    assert [item["lesson"] for item in data["lessons"]["items"]] == [
        mine.lesson_title,
        "Lesson 2",
    ]
    assert data["courses"]["items"][0]["course"] == mine.course_title
    attempt = data["quiz_attempts"]["items"][0]
    assert attempt["score"] == 100 and attempt["passed"] is True
    assert any("CH Play" in answer for answer in attempt["answers"])
    certificate = data["certificates"]["items"][0]
    assert certificate["code"] == mine.certificate.code
    assert certificate["holder_name"] == "Vũ Thị Hằng"
    assert data["vneid"]["items"][0]["activated_on"] == "2026-03-02"
    assert data["group_sessions"]["items"][0]["place"] == mine.session_place
    assert len(data["reminders"]["items"]) == 1
    card = data["signin_cards"]["items"][0]
    assert set(card) == {
        "issued_at",
        "issued_by",
        "expires_at",
        "used_at",
        "revoked_at",
    }
    assert len(data["devices"]["items"]) == 1
    assert len(data["sms"]["items"]) == 1  # the reminder; never the text itself
    log = data["access_log"]["items"]
    assert ("Trần Văn Bình", "resident page") in [
        (entry["who"], entry["detail"]) for entry in log
    ]
    assert any(entry["role"] for entry in log)
    for foreign in (
        "Đặng Văn Khoa",
        "+84987000111",
        theirs.certificate.code,
        theirs.session_place,
    ):
        assert foreign not in text, foreign


def test_a_person_with_nothing_yet_gets_empty_sections(client, places, make_resident):
    user = make_resident(places["n2"], full_name="Lý Thị Gấm")
    client.force_login(user)
    data = json.loads(client.get(DATA_JSON).content)["sections"]
    assert data["certificates"]["items"] == []
    assert data["quiz_attempts"]["items"] == []
    assert data["account"]["items"][0]["full_name"] == "Lý Thị Gấm"
    assert client.get(DATA).status_code == 200


def test_the_page_costs_the_same_queries_however_much_was_kept(
    client, people, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mine = people["mine"]
    client.force_login(mine.user)
    client.get(DATA)  # warm the caches (site, content types) once
    with CaptureQueriesContext(connection) as first:
        assert client.get(DATA).status_code == 200
    # More of everything: another course, quiz, certificate, session, card, log.
    live_a_full_life(
        mine.user,
        volunteer=people["volunteer"],
        slug="dichvucong",
        place="Hội trường phường",
        capture=django_capture_on_commit_callbacks,
        signed_in=False,
        nudge=False,
    )
    with CaptureQueriesContext(connection) as second:
        assert client.get(DATA).status_code == 200
    assert len(second) == len(first)
