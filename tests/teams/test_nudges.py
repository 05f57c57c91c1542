"""SMS reminders: only to consenting residents with a phone, idle for N days, at
most one per resident per week."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SmsMessage
from community.models import ResidentProfile
from learning.services import lesson_start
from teams.models import Nudge
from teams.services import nudge_send
from tests.learning.factories import make_course

from .factories import login


def _age(user, days):
    """Pretend the person registered `days` ago."""
    ResidentProfile.objects.filter(user=user).update(
        created_at=timezone.now() - timedelta(days=days)
    )


@pytest.fixture
def idle(team, make_resident):
    """In n1: an idle resident with a phone, one without a phone, one active."""
    course, (lesson,) = make_course(lessons=1, slug="safe")
    quiet = team["r1"]
    no_phone = make_resident(team["n1"], full_name="Mai Thị Không", phone=None)
    active = make_resident(team["n1"], full_name="Đinh Văn Chăm")
    for person in (quiet, no_phone, active):
        _age(person, 30)
    lesson_start(user=active, lesson=lesson)
    return {"quiet": quiet, "no_phone": no_phone, "active": active}


def _send(team, days=7):
    profiles = ResidentProfile.objects.filter(neighbourhood=team["n1"])
    return nudge_send(volunteer=team["volunteer"], residents=profiles, days=days)


def test_only_idle_residents_with_a_phone_get_one(team, idle):
    result = _send(team)
    assert result.sent == 1
    message = SmsMessage.objects.get()
    assert message.to == idle["quiet"].phone
    assert "An" in message.body
    assert "/learning/my/" in message.body
    assert message.body.isascii()
    assert Nudge.objects.get().resident == idle["quiet"]


def test_at_most_one_per_week(team, idle):
    assert _send(team).sent == 1
    again = _send(team, days=1)
    assert again.sent == 0
    assert SmsMessage.objects.count() == 1
    Nudge.objects.update(sent_at=timezone.now() - timedelta(days=8))
    assert _send(team).sent == 1
    assert SmsMessage.objects.count() == 2


def test_a_recent_newcomer_is_not_nudged(team, make_resident):
    make_resident(team["n1"], full_name="Mới Đến")
    _age(team["r1"], 30)
    assert _send(team, days=7).sent == 1  # r1 only


def test_volunteer_cannot_nudge_other_neighbourhoods(team, idle):
    _age(team["r2"], 30)
    _age(team["r3"], 30)
    profiles = ResidentProfile.objects.filter(
        neighbourhood__in=[team["n2"], team["n3"]]
    )
    result = nudge_send(volunteer=team["volunteer"], residents=profiles, days=7)
    assert result.sent == 0
    assert not SmsMessage.objects.exists()


def test_the_page_counts_then_sends(client, team, idle):
    login(client, team["volunteer"])
    url = reverse("teams:nudges")
    counted = client.get(url, {"neighbourhood": team["n1"].pk, "days": 7})
    assert counted.context["candidates"] == 1
    sent = client.post(url, {"neighbourhood": team["n1"].pk, "days": 7})
    assert sent.status_code == 200
    assert sent.context["result"].sent == 1
    assert SmsMessage.objects.count() == 1
    again = client.post(url, {"neighbourhood": team["n1"].pk, "days": 7})
    assert again.context["result"].sent == 0
    assert SmsMessage.objects.count() == 1


def test_officer_cannot_send(client, team, idle):
    login(client, team["officer"])
    response = client.post(
        reverse("teams:nudges"), {"neighbourhood": team["n1"].pk, "days": 7}
    )
    assert response.status_code == 403
    assert not SmsMessage.objects.exists()


@pytest.mark.parametrize("status", ["moved_away", "deceased"])
def test_residents_no_longer_here_are_never_reminded(team, idle, status):
    ResidentProfile.objects.filter(user=idle["quiet"]).update(status=status)
    result = _send(team)
    assert result.sent == 0
    assert not SmsMessage.objects.exists()
