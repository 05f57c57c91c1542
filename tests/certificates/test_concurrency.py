"""Two workers handling one completion at once make one certificate (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

import certificates.services
from certificates.models import Certificate
from learning.models import CoursePage
from learning.signals import course_completed
from tests.learning.factories import make_course

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent transactions (PostgreSQL); SQLite locks the file",
)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_announcements_give_one_certificate(
    places, make_resident, monkeypatch
):
    holder = make_resident(places["n1"], full_name="Phạm Thị Mai")
    course, _lessons = make_course(lessons=1, slug="race")
    course = CoursePage.objects.get(pk=course.pk)

    # Both workers look first, find nothing, and only then both insert: the race
    # the conditional unique constraint must settle.
    barrier = threading.Barrier(2, timeout=10)
    original = certificates.services._valid_certificate
    seen = threading.local()

    def look_then_wait(**kwargs):
        found = original(**kwargs)
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait()
        return found

    monkeypatch.setattr(certificates.services, "_valid_certificate", look_then_wait)

    results, errors = [], []

    def worker():
        try:
            responses = course_completed.send(
                sender=CoursePage, user=holder, course=course, completion=None
            )
            results.append(responses)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert errors == []
    assert len(results) == 2
    assert Certificate.objects.filter(user=holder, course=course).count() == 1
