"""A ward with activity, made through the real services, announcements delivered."""

from datetime import timedelta

import pytest
from django.utils import timezone

from community.roles import Role
from learning.services import lesson_complete, lesson_start
from teams.services import session_log
from tests.learning.factories import make_course


@pytest.fixture
def activity(places, make_resident, make_staff, django_capture_on_commit_callbacks):
    """Residents in n1, n2 and n3; some start and finish a course; one session."""
    with django_capture_on_commit_callbacks(execute=True):
        course, lessons = make_course(lessons=2, slug="vneid")
        volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
        officer = make_staff(Role.OFFICER, ward=places["ward"])
        r1 = make_resident(places["n1"])
        r2 = make_resident(places["n1"])
        r3 = make_resident(places["n2"])
        r4 = make_resident(places["n3"])
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            lesson_complete(user=r1, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_start(user=r2, lesson=lessons[1])
    with django_capture_on_commit_callbacks(execute=True):
        lesson_start(user=r2, lesson=lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(user=r4, lesson=lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        session_log(
            volunteer=volunteer,
            date=timezone.localdate(),
            place="Nhà văn hóa",
            course=course,
            neighbourhood=places["n1"],
            attendees=[r1, r2],
        )
    return {
        **places,
        "course": course,
        "lessons": lessons,
        "volunteer": volunteer,
        "officer": officer,
        "residents": [r1, r2, r3, r4],
        "today": timezone.localdate(),
        "month_ago": timezone.localdate() - timedelta(days=30),
    }
