"""Demo: the demo volunteer's neighbourhoods, with residents at every stage.

Tổ dân phố số 1 and 2 of Phường Gia Viên get twelve residents: some not started,
some learning, some who completed a course (and so hold a certificate), two enrolled
from an imported list, two enrolled without a phone. Everything goes through the
real services: `neighbour_enrol`, the import engine, and quizzes' services to pass a
lesson's quiz (how a lesson with a quiz is completed, `learning.gates`). Idempotent:
a person already there is left as they are.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from community.demo import DEMO_WARD
from community.imports import GOOD_ROWS, import_apply, import_preview
from community.models import Neighbourhood, ResidentProfile
from learning.gates import lesson_is_gated
from learning.models import CoursePage, LessonPage, LessonProgress
from learning.services import lesson_complete, lesson_start
from quizzes.models import Choice
from quizzes.selectors import live_quiz_for_lesson
from quizzes.services import attempt_start, attempt_submit

from .models import GroupSession
from .services import neighbour_enrol, session_log, vneid_confirm, vneid_declare

VOLUNTEER_PHONE = "+84900000002"
# (phone or None, full name, birth year, neighbourhood number, stage)
# stage: "new" (not started), "started" (opened a lesson), "learning" (finished
# two lessons), "completed" (a whole course).
ASSISTED = [
    ("+84900000101", "Nguyễn Văn An", 1958, 1, "new"),
    ("+84900000102", "Trần Thị Bích", 1962, 1, "new"),
    ("+84900000103", "Lê Văn Cường", 1955, 1, "started"),
    ("+84900000104", "Phạm Thị Dung", 1967, 1, "learning"),
    ("+84900000105", "Hoàng Văn Em", 1950, 2, "completed"),
    ("+84900000106", "Vũ Thị Phương", 1960, 2, "completed"),
    ("+84900000107", "Đặng Văn Giang", 1964, 2, "learning"),
    ("+84900000108", "Bùi Thị Hạnh", 1971, 2, "new"),
    # A wife sharing her husband's phone, and an old man without one: no phone.
    (None, "Trần Thị Lài", 1963, 1, "started"),
    (None, "Nguyễn Văn Minh", 1948, 2, "new"),
]
IMPORTED_CSV = (
    "Họ và tên;Năm sinh;Số điện thoại;Tổ dân phố\r\n"
    "Đỗ Văn Hùng;1953;0900 000 109;Tổ dân phố số 1\r\n"
    "Ngô Thị Kim;1959;0900 000 110;Tổ dân phố số 2\r\n"
)
SESSION_PLACE = "Nhà văn hóa tổ dân phố số 1"


def _pass_quiz(user, lesson) -> None:
    """Pass the lesson's quiz with the right answers, as a learner would."""
    quiz = live_quiz_for_lesson(lesson_id=lesson.pk)
    attempt = attempt_start(user=user, quiz=quiz)
    answers: dict[int, list[int]] = {q: [] for q in attempt.question_ids}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=attempt.question_ids, is_correct=True
    ).values_list("question_id", "pk"):
        answers[question_id].append(choice_id)
    attempt_submit(attempt=attempt, answers=answers)


def _finish(user, lesson) -> None:
    done = LessonProgress.objects.filter(
        user=user, lesson=lesson, completed_at__isnull=False
    ).exists()
    if done:
        return
    if lesson_is_gated(lesson) and live_quiz_for_lesson(lesson_id=lesson.pk):
        _pass_quiz(user, lesson)
    else:
        lesson_complete(user=user, lesson=lesson)


def _learn(user, stage: str, courses: list[tuple[CoursePage, list[LessonPage]]]):
    if stage == "new" or not courses:
        return
    course, lessons = courses[0] if stage != "completed" else courses[-1]
    if stage == "started":
        lesson_start(user=user, lesson=lessons[0])
    elif stage == "learning":
        for lesson in lessons[:2]:
            _finish(user, lesson)
    elif stage == "completed":
        for lesson in lessons:
            _finish(user, lesson)


def _existing(phone, full_name, neighbourhood) -> User | None:
    if phone:
        return User.objects.filter(phone=phone).first()
    profile = ResidentProfile.objects.filter(
        user__full_name=full_name, user__phone=None, neighbourhood=neighbourhood
    ).first()
    return profile.user if profile else None


def seed_demo(*, log) -> None:
    log("teams: residents of the demo volunteer's neighbourhoods")
    volunteer = User.objects.filter(phone=VOLUNTEER_PHONE).first()
    places = {
        n.number: n
        for n in Neighbourhood.objects.filter(
            ward__name=DEMO_WARD[0], ward__city=DEMO_WARD[1], number__in=[1, 2]
        ).select_related("ward")
    }
    if volunteer is None or len(places) < 2:
        log("  no demo volunteer or neighbourhoods: skipped")
        return
    courses = [
        (course, list(LessonPage.objects.live().child_of(course).order_by("path")))
        for course in CoursePage.objects.live().order_by("path")
    ]
    # The shortest course is the one the "completed" residents finish.
    courses = [pair for pair in courses if pair[1]]
    courses.sort(key=lambda pair: len(pair[1]), reverse=True)

    people = {}
    for phone, full_name, birth_year, number, stage in ASSISTED:
        neighbourhood = places[number]
        user = _existing(phone, full_name, neighbourhood)
        if user is None:
            profile = neighbour_enrol(
                volunteer=volunteer,
                full_name=full_name,
                birth_year=birth_year,
                neighbourhood=neighbourhood,
                phone=phone or "",
            )
            user = profile.user
            _learn(user, stage, courses)
            log(f"  enrolled {full_name} ({stage})")
        people[full_name] = user

    preview = import_preview(
        data=IMPORTED_CSV.encode("utf-8"),
        filename="danh-sach-demo.csv",
        ward=places[1].ward,
    )
    if preview.rows:
        result = import_apply(preview=preview, mode=GOOD_ROWS, imported_by=volunteer)
        log(f"  imported {result.created} residents from a list")

    today = timezone.localdate()
    for name in ("Hoàng Văn Em", "Vũ Thị Phương"):
        person = people[name]
        if not hasattr(person, "vneid_level2"):
            vneid_confirm(
                volunteer=volunteer,
                profile=person.resident_profile,
                activated_on=today - timedelta(days=20),
            )
    dung = people["Phạm Thị Dung"]
    if not hasattr(dung, "vneid_level2"):
        vneid_declare(user=dung, activated_on=today - timedelta(days=3))

    if not GroupSession.objects.filter(
        neighbourhood=places[1], place=SESSION_PLACE
    ).exists():
        session_log(
            volunteer=volunteer,
            date=today - timedelta(days=7),
            place=SESSION_PLACE,
            course=courses[0][0] if courses else None,
            neighbourhood=places[1],
            attendees=[
                people[name]
                for name in ("Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Lài")
            ],
        )
        log("  logged a group session")
