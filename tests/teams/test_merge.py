"""Two records of one person become one (issue #9, item 4: the must-show merge test).

The keeper and the duplicate learned in overlapping ways; after the merge the keeper
holds the union of their progress, every quiz attempt, one valid certificate per
course (the other revoked as "merged duplicate", its QR code still verifying), the
confirmed VNeID record, attendance, reminders and sign-in cards; the duplicate is
gone, `residents_merged` is announced once, and the statistics equal the raw counts.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import SignInCard, User
from accounts.services import signin_card_issue
from certificates.models import Certificate
from certificates.services import MERGED_DUPLICATE
from community.models import AccessLogEntry, ResidentProfile
from community.roles import Role
from community.services import resident_erase, role_grant
from community.signals import residents_merged
from learning.models import CourseCompletion, LessonProgress
from learning.services import lesson_complete, lesson_start
from quizzes.models import QuizAttempt
from quizzes.services import attempt_start, attempt_submit
from teams.models import GroupSession, Nudge, VneidLevel2
from teams.services import (
    residents_merge,
    session_log,
    vneid_confirm,
    vneid_declare,
)
from tests.learning.factories import make_course
from tests.quizzes.factories import make_quiz, wrong_answers

from .factories import login

DAY = timedelta(days=1)


@pytest.fixture
def twins(team, make_resident, django_capture_on_commit_callbacks):
    """One person enrolled twice: in n1 (the keeper) and n2 (the duplicate).

    Course A (3 lessons): keeper started L1 and finished L2; the duplicate finished L1
    (earlier) and L3 - only together do they finish the course. Course B (1 lesson):
    both finished it and both hold a certificate. Course C: a quiz lesson; the
    duplicate failed it once, the keeper has an attempt open.
    """
    volunteer = team["volunteer"]
    role_grant(user=volunteer, role=Role.VOLUNTEER, neighbourhood=team["n2"])
    volunteer = User.objects.get(pk=volunteer.pk)
    keeper = team["r1"]
    duplicate = make_resident(
        team["n2"], full_name="Nguyen Van An", phone=None, birth_year=1961
    )
    User.objects.filter(pk=keeper.pk).update(birth_year=None)
    a, (a1, a2, a3) = make_course(lessons=3, slug="course-a")
    b, (b1,) = make_course(lessons=1, slug="course-b")
    c, (c1,) = make_course(lessons=1, slug="course-c")
    quiz = make_quiz(c1)
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        lesson_start(user=keeper, lesson=a1)
        lesson_complete(user=keeper, lesson=a2)
        lesson_complete(user=duplicate, lesson=a1)
        lesson_complete(user=duplicate, lesson=a3)
        lesson_complete(user=duplicate, lesson=b1)
        lesson_complete(user=keeper, lesson=b1)
        attempt = attempt_start(user=duplicate, quiz=quiz)
        attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
        attempt_start(user=keeper, quiz=quiz)
        vneid_declare(user=keeper, activated_on=now.date() - DAY)
        vneid_confirm(
            volunteer=volunteer,
            profile=duplicate.resident_profile,
            activated_on=now.date() - 3 * DAY,
        )
        both = session_log(
            volunteer=volunteer,
            date=now.date(),
            place="Nhà văn hóa",
            course=None,
            neighbourhood=team["n1"],
            attendees=[keeper],
        )
        elsewhere = session_log(
            volunteer=volunteer,
            date=now.date(),
            place="Nhà văn hóa tổ 2",
            course=None,
            neighbourhood=team["n2"],
            attendees=[duplicate],
        )
    # Dates that make "earliest" mean something: the duplicate was first everywhere.
    LessonProgress.objects.filter(user=duplicate, lesson=a1).update(
        started_at=now - 10 * DAY, completed_at=now - 9 * DAY
    )
    LessonProgress.objects.filter(user=keeper, lesson=a1).update(
        started_at=now - 5 * DAY
    )
    CourseCompletion.objects.filter(user=duplicate, course=b).update(
        completed_at=now - 8 * DAY
    )
    Certificate.objects.filter(user=duplicate, course=b).update(issued_at=now - 8 * DAY)
    both.attendees.add(duplicate)
    Nudge.objects.create(resident=duplicate, sent_by=volunteer, idle_days=7)
    signin_card_issue(user=duplicate, issued_by=volunteer)
    AccessLogEntry.objects.all().delete()
    return {
        "volunteer": volunteer,
        "n2": team["n2"],
        "keeper": keeper,
        "duplicate": duplicate,
        "courses": (a, b, c),
        "lessons": (a1, a2, a3, b1, c1),
        "sessions": (both, elsewhere),
        "now": now,
        "dup_certificate": Certificate.objects.get(user=duplicate, course=b),
        "keeper_certificate": Certificate.objects.get(user=keeper, course=b),
    }


def _merge_over_http(client, twins, capture, *, keep):
    keeper_profile = twins["keeper"].resident_profile
    duplicate_profile = twins["duplicate"].resident_profile
    login(client, twins["volunteer"])
    url = reverse(
        "teams:resident_merge", args=[keeper_profile.pk, duplicate_profile.pk]
    )
    page = client.get(url)
    assert page.status_code == 200
    # Both records side by side before anything changes.
    assert "Nguyễn Văn An" in page.text and "Nguyen Van An" in page.text
    with capture(execute=True) as callbacks:
        response = client.post(url, {"keep": str(keep.pk), "confirm": "on"})
    assert response.status_code == 302
    assert response.url == reverse("teams:resident", args=[keep.pk])
    return callbacks


def test_two_records_become_one_with_the_union(
    client, twins, django_capture_on_commit_callbacks
):
    from stats.services import stats_rebuild

    # The fixtures made people without announcing them: start from true counts.
    stats_rebuild()
    keeper, duplicate = twins["keeper"], twins["duplicate"]
    a, b, c = twins["courses"]
    a1, a2, a3, b1, c1 = twins["lessons"]
    now = twins["now"]
    announced = []

    def listener(sender, **kwargs):
        announced.append(kwargs)

    residents_merged.connect(listener, dispatch_uid="test-merge-listener")
    try:
        _merge_over_http(
            client,
            twins,
            django_capture_on_commit_callbacks,
            keep=keeper.resident_profile,
        )
    finally:
        residents_merged.disconnect(dispatch_uid="test-merge-listener")

    # The duplicate is gone, profile, account and search key.
    assert not User.objects.filter(pk=duplicate.pk).exists()
    assert not ResidentProfile.objects.filter(user_id=duplicate.pk).exists()
    assert ResidentProfile.objects.get(user=keeper).search_name.strip()
    kept = User.objects.get(pk=keeper.pk)
    assert kept.full_name == "Nguyễn Văn An"
    assert kept.birth_year == 1961  # the gap filled from the duplicate

    # Progress: the union, one row per lesson, earliest start and completion.
    progress = {p.lesson_id: p for p in LessonProgress.objects.filter(user=keeper)}
    assert set(progress) == {a1.pk, a2.pk, a3.pk, b1.pk}
    assert LessonProgress.objects.filter(user=keeper, lesson=a1).count() == 1
    assert abs(progress[a1.pk].started_at - (now - 10 * DAY)) < timedelta(seconds=1)
    assert abs(progress[a1.pk].completed_at - (now - 9 * DAY)) < timedelta(seconds=1)
    # Completions: B deduplicated (earliest kept); A finished by the union.
    completions = {x.course_id: x for x in CourseCompletion.objects.filter(user=keeper)}
    assert set(completions) == {a.pk, b.pk}
    assert abs(completions[b.pk].completed_at - (now - 8 * DAY)) < timedelta(seconds=1)

    # Every quiz attempt kept: the failed one and the open one.
    attempts = QuizAttempt.objects.filter(user=keeper)
    assert attempts.count() == 2
    assert attempts.filter(submitted_at__isnull=False, passed=False).count() == 1

    # Certificates: one valid per course, no duplicates; the other revoked, not gone.
    valid = Certificate.objects.filter(user=keeper, revoked_at=None)
    assert sorted(valid.values_list("course_id", flat=True)) == sorted([a.pk, b.pk])
    assert valid.get(course=b) == twins["dup_certificate"]  # the earliest
    loser = Certificate.objects.get(pk=twins["keeper_certificate"].pk)
    assert loser.revoked_reason == MERGED_DUPLICATE and loser.user == keeper
    verify = client.get(reverse("certificates:verify", args=[loser.code]))
    assert verify.status_code == 200 and MERGED_DUPLICATE in verify.text

    # VNeID: the confirmed record wins over the declaration.
    vneid = VneidLevel2.objects.get(user=keeper)
    assert vneid.is_confirmed and vneid.activated_on == (now - 3 * DAY).date()
    assert VneidLevel2.objects.count() == 1
    # Attendance without doubles, reminders and sign-in cards moved.
    both, elsewhere = twins["sessions"]
    assert list(both.attendees.all()) == [keeper]
    assert list(elsewhere.attendees.all()) == [keeper]
    assert GroupSession.attendees.through.objects.count() == 2
    assert Nudge.objects.get().resident == keeper
    assert SignInCard.objects.get().user == keeper

    # One announcement, and one access-log entry for the merge.
    assert len(announced) == 1
    assert announced[0]["profile"].user_id == keeper.pk
    assert announced[0]["merged_user_id"] == duplicate.pk
    assert announced[0]["merged_neighbourhood_id"] == twins["n2"].pk
    # (Opening the comparison was logged too, as views: issue #16.)
    entry = AccessLogEntry.objects.get(action=AccessLogEntry.Action.CHANGED)
    assert (entry.actor, entry.action, entry.subject) == (
        twins["volunteer"],
        AccessLogEntry.Action.CHANGED,
        kept,
    )

    # The statistics equal the raw counts.
    assert stats_rebuild() == []


def test_keeping_the_other_record(client, twins, django_capture_on_commit_callbacks):
    keeper, duplicate = twins["keeper"], twins["duplicate"]
    _merge_over_http(
        client,
        twins,
        django_capture_on_commit_callbacks,
        keep=duplicate.resident_profile,
    )
    assert not User.objects.filter(pk=keeper.pk).exists()
    kept = User.objects.get(pk=duplicate.pk)
    assert kept.phone == twins["keeper"].phone  # the duplicate had none
    assert LessonProgress.objects.filter(user=kept).count() == 4
    assert Certificate.objects.filter(user=kept, revoked_at=None).count() == 2


def test_a_failed_merge_changes_nothing(twins, monkeypatch):
    """One transaction: an error half-way leaves both records as they were."""
    import teams.services.merge

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(teams.services.merge, "_attendance_merge", broken)
    keeper, duplicate = twins["keeper"], twins["duplicate"]
    before = LessonProgress.objects.filter(user=duplicate).count()
    with pytest.raises(RuntimeError):
        residents_merge(
            keeper=keeper.resident_profile,
            duplicate=duplicate.resident_profile,
            by=twins["volunteer"],
        )
    assert LessonProgress.objects.filter(user=duplicate).count() == before
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 0
    assert User.objects.filter(pk=duplicate.pk).exists()


def test_merge_refuses_erased_records_and_staff_accounts(
    twins, make_staff, django_capture_on_commit_callbacks
):
    keeper, duplicate = twins["keeper"], twins["duplicate"]
    volunteer = twins["volunteer"]
    city_admin = make_staff(Role.CITY_ADMIN)
    role_grant(
        user=duplicate,
        role=Role.OFFICER,
        ward=keeper.resident_profile.neighbourhood.ward,
    )
    # A volunteer may not touch a staff record at all (issue #16) ...
    with pytest.raises(PermissionDenied):
        residents_merge(
            keeper=keeper.resident_profile,
            duplicate=duplicate.resident_profile,
            by=volunteer,
        )
    # ... and even a city admin cannot merge a staff account away (its roles).
    with pytest.raises(ValidationError):
        residents_merge(
            keeper=keeper.resident_profile,
            duplicate=duplicate.resident_profile,
            by=city_admin,
        )
    with django_capture_on_commit_callbacks(execute=True):
        resident_erase(profile=keeper.resident_profile, by=volunteer, reason="Giấy")
    with pytest.raises(ValidationError):
        residents_merge(
            keeper=duplicate.resident_profile,
            duplicate=ResidentProfile.objects.get(user=keeper),
            by=city_admin,
        )
    assert User.objects.filter(pk__in=[keeper.pk, duplicate.pk]).count() == 2
