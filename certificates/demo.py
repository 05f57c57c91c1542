"""Demo: the demo resident finishes one course and so holds a real certificate.

Done through learning's services, so the completion is announced and the certificate
comes the one way it always does (the `course_completed` receiver). Idempotent: a
resident who already holds a certificate is left alone. Courses whose lessons are
finished only by a quiz (a completion gate) cannot be completed from here; if every
demo course is gated, quizzes' demo (which passes quizzes) earns the certificate.
"""

from django.core.exceptions import ValidationError

from accounts.models import User
from learning.gates import lesson_is_gated
from learning.models import CoursePage, LessonPage
from learning.services import lesson_complete

from .models import Certificate

DEMO_RESIDENT_PHONE = "+84900000001"


def seed_demo(*, log) -> None:
    log("certificates: a completed course for the demo resident")
    resident = User.objects.filter(phone=DEMO_RESIDENT_PHONE).first()
    if resident is None:
        log("  no demo resident: skipped")
        return
    if Certificate.objects.filter(user=resident, revoked_at=None).exists():
        return
    for course in CoursePage.objects.live().order_by("path"):
        lessons = list(LessonPage.objects.live().child_of(course).order_by("path"))
        if not lessons or any(lesson_is_gated(lesson) for lesson in lessons):
            continue
        try:
            for lesson in lessons:
                lesson_complete(user=resident, lesson=lesson)
        except ValidationError as error:
            log(f"  {course.title}: {' '.join(error.messages)}")
            continue
        # The certificate is issued when this transaction commits (on_commit).
        log(f"  {resident.full_name} completed {course.title}")
        return
    log("  every demo course ends with a quiz: quizzes' demo completes one")
