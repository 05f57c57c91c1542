"""VNeID level 2: a volunteer confirms, a resident declares (never overriding)."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from teams.models import VneidLevel2

from .factories import login


def test_volunteer_confirms_with_date_and_who(client, team):
    login(client, team["volunteer"])
    profile = team["r1"].resident_profile
    response = client.post(
        reverse("teams:vneid_confirm", args=[profile.pk]),
        {"activated_on": "2026-01-05", "seen": "on"},
    )
    assert response.status_code == 302
    record = VneidLevel2.objects.get(user=team["r1"])
    assert record.status == VneidLevel2.Status.CONFIRMED
    assert record.activated_on == date(2026, 1, 5)
    assert record.recorded_by == team["volunteer"]
    roster = client.get(reverse("teams:roster", args=[team["n1"].pk]))
    assert roster.context["rows"][0].vneid.is_confirmed


def test_a_future_date_is_refused(client, team):
    login(client, team["volunteer"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.post(
        reverse("teams:vneid_confirm", args=[team["r1"].resident_profile.pk]),
        {"activated_on": tomorrow.isoformat(), "seen": "on"},
    )
    assert not VneidLevel2.objects.exists()


def test_resident_declares_and_it_shows_as_declared(client, team):
    login(client, team["r2"])
    response = client.post(
        reverse("teams:vneid_declare"), {"activated_on": "2026-02-01", "declare": "on"}
    )
    assert response.status_code == 302
    record = VneidLevel2.objects.get(user=team["r2"])
    assert record.status == VneidLevel2.Status.DECLARED
    login(client, team["officer"])
    page = client.get(reverse("teams:resident", args=[team["r2"].resident_profile.pk]))
    assert page.context["file"].vneid.status == VneidLevel2.Status.DECLARED


def test_a_declaration_never_overrides_a_confirmation(client, team):
    login(client, team["volunteer"])
    client.post(
        reverse("teams:vneid_confirm", args=[team["r1"].resident_profile.pk]),
        {"activated_on": "2026-01-05", "seen": "on"},
    )
    login(client, team["r1"])
    client.post(
        reverse("teams:vneid_declare"), {"activated_on": "2026-02-01", "declare": "on"}
    )
    record = VneidLevel2.objects.get(user=team["r1"])
    assert record.status == VneidLevel2.Status.CONFIRMED
    assert record.activated_on == date(2026, 1, 5)


def test_officer_reads_but_cannot_confirm(client, team):
    login(client, team["officer"])
    url = reverse("teams:resident", args=[team["r1"].resident_profile.pk])
    page = client.get(url)
    assert page.context["vneid_form"] is None
    response = client.post(
        reverse("teams:vneid_confirm", args=[team["r1"].resident_profile.pk]),
        {"activated_on": "2026-01-05", "seen": "on"},
    )
    assert response.status_code == 403
    assert not VneidLevel2.objects.exists()
