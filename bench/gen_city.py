"""A city for the statistics benchmarks, written straight into the tables.

3 wards, 60 neighbourhoods (with their adult populations), 200,000 residents with
Vietnamese names and birth years 1940-2007, registered over 26 weeks, about 2,000,000
lesson-progress rows, course completions, certificates (valid unique codes, no PDF),
VNeID level 2 records, group sessions with attendees, posters and their daily visits.
Everything is spread unevenly: a campaign curve over the weeks, and neighbourhoods
from lagging (registered late, learn little) to leading.

Rows are written in bulk (COPY on PostgreSQL, `executemany` elsewhere), never through
the services: no announcement is sent, so the summary rows are built afterwards by
`stats.services.stats_rebuild()`, which is timed. The city is found by its name
(`CITY`); when it exists the generator refuses, or wipes it first with `--wipe`.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_city \\
        python bench/gen_city.py [--residents N | --scale F] [--wipe] [--seed S]

The database is migrated first. A smoke city: `--residents 2000` (SQLite is fine).
"""

import argparse
import bisect
import itertools
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bulk import Writer, cascade_delete, next_id, skip_foreign_key_checks

FULL_RESIDENTS = 200_000
CITY = "Thành phố Thử nghiệm"
WARDS = ["Phường Thuận Hóa", "Phường Phú Xuân", "Phường Vỹ Dạ"]
NEIGHBOURHOODS_PER_WARD = 20
WEEKS = 26
INDEX_SLUG = "bench-khoa-hoc"
# (slug, title, popularity): 8 lessons each.
COURSES = [
    ("bench-vneid", "Kích hoạt và dùng VNeID mức 2", 1.0),
    ("bench-dich-vu-cong", "Nộp hồ sơ trên Cổng dịch vụ công", 0.55),
    ("bench-thanh-toan", "Thanh toán không dùng tiền mặt", 0.75),
    ("bench-an-toan", "An toàn trên mạng, tránh lừa đảo", 0.6),
]
LESSONS_PER_COURSE = 8
ADMIN_PHONE = "+84700000000"
OFFICER_PHONES = ["+84700000001", "+84700000002", "+84700000003"]
RESIDENT_PHONE_PREFIX = "+8478"  # + 7 digits: 9 digits after +84, as a mobile
UNUSABLE_PASSWORD = "!bench-city-no-login"

SURNAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5),
    ("Huỳnh", 4), ("Phan", 4.5), ("Vũ", 3.9), ("Võ", 3.5), ("Đặng", 2.1),
    ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.5), ("Đinh", 0.6), ("Trương", 0.6), ("Lâm", 0.4), ("Mai", 0.4),
]  # fmt: skip
MIDDLE = {
    "m": ["Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân"],
    "f": ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng"],
}
GIVEN = {
    "m": [
        "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khang", "Khoa",
        "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng",
        "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu", "Lộc", "Tâm",
    ],
    "f": [
        "Anh", "Bích", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương",
        "Lan", "Liên", "Linh", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương",
        "Quyên", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Tuyết", "Vân", "Yến",
    ],
}  # fmt: skip


@dataclass
class City:
    """What the benchmarks need to know of a generated (or found) city."""

    ward_ids: list[int]
    admin_id: int
    officer_ids: dict[int, int]  # ward id -> officer's user id
    course_ids: list[int]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _setup() -> None:
    from bench.harness import setup_django

    setup_django()


# --- The city ---------------------------------------------------------------------


def city_exists() -> bool:
    from community.models import Ward

    return Ward.objects.filter(city=CITY).exists()


def city_find() -> City:
    """The city already in the database (made by an earlier run)."""
    from accounts.models import User
    from community.models import RoleAssignment, Ward
    from learning.models import CoursePage

    ward_ids = list(
        Ward.objects.filter(city=CITY).order_by("pk").values_list("pk", flat=True)
    )
    officers = dict(
        RoleAssignment.objects.filter(
            role="officer", ward_id__in=ward_ids, user__phone__in=OFFICER_PHONES
        ).values_list("ward_id", "user_id")
    )
    courses = [CoursePage.objects.get(slug=slug).pk for slug, _title, _pop in COURSES]
    admin = User.objects.get(phone=ADMIN_PHONE)
    from community.models import ResidentProfile

    residents = ResidentProfile.objects.filter(neighbourhood__ward__city=CITY).count()
    return City(
        ward_ids=ward_ids,
        admin_id=admin.pk,
        officer_ids=officers,
        course_ids=courses,
        counts={"residents": residents},
    )


def city_wipe(*, log=print) -> float:
    """Delete the city: its residents and everything theirs, its places, its staff.

    The residents' ids are copied to a temporary table first, since deleting their
    profiles would otherwise lose who they were halfway through.
    """
    from django.db import connection, transaction

    from accounts.models import User
    from cms.models import Poster
    from community.models import Neighbourhood, Ward
    from teams.models import GroupSession

    quote = connection.ops.quote_name
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            skip_foreign_key_checks(cursor)
        residents = User.objects.filter(
            resident_profile__neighbourhood__ward__city=CITY
        ).values("pk")
        sql, params = residents.query.sql_with_params()
        cursor.execute("DROP TABLE IF EXISTS bench_city_users")
        cursor.execute(f"CREATE TEMPORARY TABLE bench_city_users AS {sql}", params)
        cascade_delete(
            cursor, User, "id IN (SELECT * FROM bench_city_users)", [], quote
        )
        cursor.execute("DROP TABLE bench_city_users")
        staff = [ADMIN_PHONE, *OFFICER_PHONES]
        marks = ", ".join(["%s"] * len(staff))
        cascade_delete(cursor, User, f"phone IN ({marks})", staff, quote)
        Poster.objects.filter(code__startswith="BENCH").delete()
        wards = f"SELECT id FROM {quote(Ward._meta.db_table)} WHERE city = %s"
        places = (
            f"SELECT id FROM {quote(Neighbourhood._meta.db_table)} "
            f"WHERE ward_id IN ({wards})"
        )
        cascade_delete(
            cursor, GroupSession, f"neighbourhood_id IN ({places})", [CITY], quote
        )
        cascade_delete(cursor, Neighbourhood, f"ward_id IN ({wards})", [CITY], quote)
        cascade_delete(cursor, Ward, "city = %s", [CITY], quote)
    seconds = time.perf_counter() - start
    log(f"  wiped the existing city '{CITY}' in {seconds:.1f} s")
    return seconds


def _courses(log) -> list[tuple]:
    """The bench courses, made once with Wagtail's page API and reused after."""
    from wagtail.models import Page

    from cms.models import HomePage
    from learning.models import CourseIndexPage, CoursePage, LessonPage

    index = CourseIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        parent = HomePage.objects.first() or Page.get_first_root_node()
        index = CourseIndexPage(title="Khóa học (thử tải)", slug=INDEX_SLUG)
        parent.add_child(instance=index)
        index.save_revision().publish()
        log("  created the bench course index")
    result = []
    for slug, title, popularity in COURSES:
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            course = CoursePage(
                title=title, slug=slug, promise="Làm được trên điện thoại của mình."
            )
            index.add_child(instance=course)
            course.save_revision().publish()
        lessons = list(LessonPage.objects.child_of(course).order_by("path"))
        for number in range(len(lessons) + 1, LESSONS_PER_COURSE + 1):
            lesson = LessonPage(title=f"Bài {number}", slug=f"{slug}-bai-{number}")
            course.add_child(instance=lesson)
            lesson.save_revision().publish()
            lessons.append(lesson)
        result.append((course, [lesson.pk for lesson in lessons], popularity))
    return result


def _week_weights(rng) -> list[float]:
    """Registrations per week: a slow start, three campaigns, a summer dip."""
    weights = []
    for week in range(WEEKS):
        w = 0.4 + week / WEEKS
        for peak, height in ((4, 3.0), (11, 2.2), (19, 2.6)):
            w += height * max(0.0, 1 - abs(week - peak) / 2.5)
        if 14 <= week <= 16:
            w *= 0.5
        weights.append(w * rng.uniform(0.85, 1.15))
    return weights


def _name(rng, surnames, surname_weights) -> tuple[str, str]:
    sex = "f" if rng.random() < 0.53 else "m"
    surname = rng.choices(surnames, cum_weights=surname_weights)[0]
    return sex, f"{surname} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"


class _Generation:
    """One city being written: the shared plan (days, places, people, courses) and one
    method per kind of row. Each method writes its rows and keeps what later ones
    need; `city_generate` calls them in order."""

    def __init__(self, *, residents: int, seed: int, log):
        from django.db import connection
        from django.utils import timezone

        self.residents, self.log = residents, log
        self.rng = random.Random(seed)
        self.writer = Writer(connection)
        self.timings: dict[str, float] = {}
        tz = ZoneInfo(timezone.get_current_timezone_name())
        self.now = timezone.now()
        self.first_day = timezone.localdate() - timedelta(weeks=WEEKS, days=-1)
        self.days = (timezone.localdate() - self.first_day).days + 1
        self._midnight = [
            datetime.combine(self.first_day + timedelta(d), clock(0), tz).astimezone(
                UTC
            )
            for d in range(self.days + 400)
        ]
        self.weeks = _week_weights(self.rng)

    def at(self, day: int, seconds: float) -> datetime:
        """The moment `seconds` after local midnight of day `day` of the history."""
        return self._midnight[day] + timedelta(seconds=seconds)

    def courses(self) -> None:
        courses = _courses(self.log)
        self.course_ids = [course.pk for course, _lessons, _pop in courses]
        self.course_titles = [course.title for course, _lessons, _pop in courses]
        self.lesson_ids = [lessons for _course, lessons, _pop in courses]
        self.popularity = [pop for _course, _lessons, pop in courses]

    def places(self) -> None:
        """Wards and neighbourhoods; each neighbourhood has a vigour, from 0
        (lagging) to 1 (leading), that shapes everything its residents do."""
        from community.models import Neighbourhood, Ward

        rng = self.rng
        self.wards = [Ward.objects.create(name=name, city=CITY) for name in WARDS]
        # [neighbourhood, ward, vigour, share of adults registered, size weight]
        places = []
        for ward_number, ward in enumerate(self.wards):
            for number in range(1, NEIGHBOURHOODS_PER_WARD + 1):
                vigour = rng.betavariate(2.2, 1.6)
                if number in (7, 15) and ward_number != 1:
                    vigour = rng.uniform(0.02, 0.1)  # clearly lagging
                if number == 3:
                    vigour = rng.uniform(0.95, 1.0)  # clearly leading
                places.append(
                    [None, ward, vigour, 0.15 + 0.75 * vigour, rng.uniform(0.6, 1.4)]
                )
        weight_total = sum(p[3] * p[4] for p in places)
        sizes = [
            max(3, round(self.residents * p[3] * p[4] / weight_total)) for p in places
        ]
        sizes[-1] = max(3, sizes[-1] + self.residents - sum(sizes))
        for index, (place, size) in enumerate(zip(places, sizes, strict=True)):
            number = index % NEIGHBOURHOODS_PER_WARD + 1
            place[0] = Neighbourhood.objects.create(
                ward=place[1],
                number=number,
                name=f"Tổ dân phố số {number}",
                adult_population=round(size / place[3] * rng.uniform(0.95, 1.05)) + 1,
            )
        self.places, self.sizes = places, sizes

    def people(self) -> None:
        """Who registers where and when: campaign weeks, lagging places late."""
        from accounts.models import User
        from community.models import ResidentProfile

        rng, days = self.rng, self.days
        surnames = [s for s, _w in SURNAMES]
        surname_cum = list(itertools.accumulate(w for _s, w in SURNAMES))
        self.birth_years = list(range(1940, 2008))
        birth_cum = list(
            itertools.accumulate(
                1.4 if 1955 <= y <= 1985 else (0.6 if y < 1950 else 1.0)
                for y in self.birth_years
            )
        )
        user_id = next_id(User)
        profile_id = next_id(ResidentProfile)
        people = []  # (user id, profile id, place index, day, seconds, name, year, n)
        for index, (place, size) in enumerate(
            zip(self.places, self.sizes, strict=True)
        ):
            delay = int((1 - place[2]) * 9)  # lagging places start weeks later
            day_cum = list(
                itertools.accumulate(
                    (self.weeks[d // 7] if d // 7 >= delay else 0.02)
                    * (1.6 if (self.first_day + timedelta(d)).weekday() >= 5 else 1)
                    for d in range(days)
                )
            )
            for day in rng.choices(range(days), cum_weights=day_cum, k=size):
                seconds = rng.uniform(6.5, 21.5) * 3600
                if self.at(day, seconds) > self.now:
                    day = max(0, day - 1)
                _sex, name = _name(rng, surnames, surname_cum)
                year = rng.choices(self.birth_years, cum_weights=birth_cum)[0]
                people.append(
                    (user_id, profile_id, index, day, seconds, name, year, len(people))
                )
                user_id += 1
                profile_id += 1
        people.sort(key=lambda p: (p[3], p[4]))  # registered in time order
        self.people, self.next_user_id = people, user_id
        # Volunteers: the two first registered of each neighbourhood.
        self.volunteers: dict[int, list[int]] = {}
        for uid, _pid, index, *_rest in people:
            if len(self.volunteers.setdefault(index, [])) < 2:
                self.volunteers[index].append(uid)

    def residents_and_staff(self) -> None:
        """Users, profiles (with their search key), roles: residents, the city
        admin, one officer per ward, two volunteers per neighbourhood."""
        from accounts.models import User
        from community.models import ResidentProfile, RoleAssignment
        from community.text import search_column

        rng, now, at, places = self.rng, self.now, self.at, self.places
        volunteers = self.volunteers

        def users():
            for uid, _pid, _i, day, sec, name, year, n in self.people:
                phone = None if n % 9 == 8 else f"{RESIDENT_PHONE_PREFIX}{n:07d}"
                yield (
                    uid,
                    UNUSABLE_PASSWORD,
                    phone,
                    phone is not None,
                    name,
                    year,
                    at(day, sec),
                )

        user_columns = [
            "id",
            "password",
            "phone",
            "phone_verified",
            "full_name",
            "birth_year",
            "date_joined",
        ]
        self.writer.write(User, user_columns, users())
        staff = [(ADMIN_PHONE, "Quản trị thành phố (thử tải)")] + [
            (phone, f"Cán bộ {ward.name}")
            for phone, ward in zip(OFFICER_PHONES, self.wards, strict=True)
        ]
        self.staff_ids = list(range(self.next_user_id, self.next_user_id + len(staff)))
        self.writer.write(
            User,
            user_columns,
            (
                (uid, UNUSABLE_PASSWORD, phone, True, name, 1980, now)
                for uid, (phone, name) in zip(self.staff_ids, staff, strict=True)
            ),
        )
        hows, how_cum = ["self", "assisted", "imported"], [0.55, 0.9, 1.0]

        def profiles():
            for uid, pid, index, day, sec, name, _year, n in self.people:
                how = rng.choices(hows, cum_weights=how_cum)[0]
                by = (
                    rng.choice(volunteers[index])
                    if how != "self" and volunteers[index][0] != uid
                    else None
                )
                status, changed = "active", None
                registered = at(day, sec)
                if n % 97 == 13:  # about 1 %: moved away or died since
                    status = "moved_away" if n % 2 else "deceased"
                    changed = registered + (now - registered) * rng.uniform(0.2, 0.9)
                yield (
                    pid,
                    uid,
                    places[index][0].pk,
                    registered,
                    by,
                    by,
                    how if by else "self",
                    registered,
                    status,
                    changed,
                    search_column(name),
                )

        self.writer.write(
            ResidentProfile,
            [
                "id",
                "user_id",
                "neighbourhood_id",
                "consent_given_at",
                "consent_confirmed_by_id",
                "enrolled_by_id",
                "enrolled_how",
                "created_at",
                "status",
                "status_changed_at",
                "search_name",
            ],
            profiles(),
        )
        roles = [
            (uid, "volunteer", None, places[index][0].pk, now)
            for index, uids in volunteers.items()
            for uid in uids
        ]
        roles += [(self.staff_ids[0], "city_admin", None, None, now)]
        roles += [
            (uid, "officer", ward.pk, None, now)
            for uid, ward in zip(self.staff_ids[1:], self.wards, strict=True)
        ]
        self.writer.write(
            RoleAssignment,
            ["user_id", "role", "ward_id", "neighbourhood_id", "granted_at"],
            roles,
        )
        self.writer.reset_sequences([User, ResidentProfile])

    def learning(self) -> None:
        """Who starts, which courses, how far: lesson progress, completions and
        their certificates. No time is ever after now."""
        from certificates.codes import code_generate
        from certificates.models import Certificate
        from learning.models import CourseCompletion, LessonProgress

        rng, now, at, places = self.rng, self.now, self.at, self.places
        popularity, lesson_ids = self.popularity, self.lesson_ids
        completions: list[tuple] = []
        age_keen = {
            y: (0.75 if y < 1955 else 1.0 if y < 1990 else 0.9)
            for y in self.birth_years
        }
        course_order = list(range(len(self.course_ids)))

        def progress():
            rand = rng.random
            for uid, _pid, index, day, sec, _name, year, _n in self.people:
                vigour = places[index][2]
                if rand() > (0.35 + 0.55 * vigour) * age_keen[year]:
                    continue
                taken = sorted(
                    course_order,
                    key=lambda c: rand() ** (1 / popularity[c]),
                    reverse=True,
                )
                count = 1 + (rand() < 0.75) + (rand() < 0.6) + (rand() < 0.5)
                t = at(day, sec) + timedelta(hours=rng.expovariate(1 / 30))
                complete_chance = 0.25 + 0.5 * vigour
                for c in taken[:count]:
                    t += timedelta(days=rng.expovariate(1 / 6))
                    finish = rand() < complete_chance
                    reach = (
                        LESSONS_PER_COURSE
                        if finish
                        else rng.randint(1, LESSONS_PER_COURSE - 1)
                    )
                    lessons = lesson_ids[c]
                    done_all = True
                    for j in range(reach):
                        if t > now:
                            done_all = False
                            break
                        done = t + timedelta(minutes=rng.uniform(3, 18))
                        if (
                            j == reach - 1 and not finish and rand() < 0.5
                        ) or done > now:
                            done = None
                        yield (uid, lessons[j], t, done)
                        if done is None:
                            done_all = False
                            break
                        if rand() < 0.55:
                            t = done + timedelta(minutes=rng.uniform(1, 8))
                        else:
                            t = done + timedelta(
                                days=rng.expovariate(1 / 2.5), hours=rng.uniform(0, 6)
                            )
                    if done_all and reach == LESSONS_PER_COURSE:
                        completions.append((uid, c, done))

        self.writer.write(
            LessonProgress,
            ["user_id", "lesson_id", "started_at", "completed_at"],
            progress(),
        )
        self.writer.write(
            CourseCompletion,
            ["user_id", "course_id", "completed_at"],
            ((uid, self.course_ids[c], done) for uid, c, done in completions),
        )
        person = {p[0]: p for p in self.people}

        def certificates():
            for uid, c, done in completions:
                _u, _p, index, _d, _s, name, year, _n = person[uid]
                place = places[index]
                yield (
                    uid,
                    self.course_ids[c],
                    code_generate(),
                    min(done + timedelta(seconds=2), now),
                    name,
                    year,
                    place[0].name,
                    self.course_titles[c],
                    place[1].pk,
                )

        self.writer.write(
            Certificate,
            [
                "user_id",
                "course_id",
                "code",
                "issued_at",
                "holder_name",
                "holder_birth_year",
                "holder_neighbourhood",
                "course_title",
                "ward_id",
            ],
            certificates(),
        )
        self.completions = len(completions)

    def vneid(self) -> None:
        from teams.models import VneidLevel2

        rng, places, volunteers = self.rng, self.places, self.volunteers

        def records():
            for uid, _pid, index, day, _sec, _name, _year, _n in self.people:
                if rng.random() < 0.1 + 0.45 * places[index][2]:
                    on = min(self.days - 1, day + int(rng.expovariate(1 / 12)))
                    confirmed = rng.random() < 0.65
                    yield (
                        uid,
                        "confirmed" if confirmed else "declared",
                        self.first_day + timedelta(on),
                        rng.choice(volunteers[index]) if confirmed else None,
                        min(self.at(on, 15 * 3600), self.now),
                    )

        self.writer.write(
            VneidLevel2,
            ["user_id", "status", "activated_on", "recorded_by_id", "recorded_at"],
            records(),
        )

    def sessions(self) -> None:
        """Group sessions, more in lively places and campaign weeks, each attended
        by residents of the place registered by then."""
        from teams.models import GroupSession

        rng = self.rng
        by_place: dict[int, list[tuple[int, int]]] = {}
        for uid, _pid, index, day, *_rest in self.people:
            by_place.setdefault(index, []).append((day, uid))
        session_id = next_id(GroupSession)
        sessions, attendees = [], []
        for index, place in enumerate(self.places):
            neighbourhood, vigour = place[0], place[2]
            registered = by_place.get(index, [])
            registered_days = [d for d, _u in registered]
            for week in range(WEEKS):
                held = int(
                    rng.random() * 3.2 * vigour * self.weeks[week] / 2
                    + rng.random() * 0.6
                )
                for _ in range(held):
                    day = min(self.days - 1, week * 7 + rng.randint(0, 6))
                    course = None if rng.random() < 0.2 else rng.choice(self.course_ids)
                    sessions.append(
                        (
                            session_id,
                            rng.choice(self.volunteers[index]),
                            self.first_day + timedelta(day),
                            f"Nhà văn hóa {neighbourhood.name.lower()}",
                            course,
                            neighbourhood.pk,
                            min(self.at(day, 19 * 3600), self.now),
                        )
                    )
                    came = registered[: bisect.bisect_right(registered_days, day)]
                    for _day, uid in rng.sample(
                        came, min(len(came), rng.randint(4, 15))
                    ):
                        attendees.append((session_id, uid))
                    session_id += 1
        self.writer.write(
            GroupSession,
            [
                "id",
                "volunteer_id",
                "held_on",
                "place",
                "course_id",
                "neighbourhood_id",
                "created_at",
            ],
            sessions,
        )
        through = GroupSession.attendees.through
        self.writer.write(through, ["groupsession_id", "user_id"], attendees)
        self.writer.reset_sequences([GroupSession])
        self.session_count = len(sessions)

    def posters(self) -> None:
        """A poster of a course in every other neighbourhood, scanned every day."""
        from cms.models import Poster, PosterVisit

        rng = self.rng
        poster_id = next_id(Poster)
        posters, visits = [], []
        for index, place in enumerate(self.places):
            if index % 2:
                continue
            created = rng.randint(0, self.days // 2)
            total = 0
            for d in range(created, self.days):
                mean = 1 + 6 * place[2] * self.weeks[d // 7] / 3
                count = int(rng.expovariate(1 / mean))
                if count:
                    visits.append((poster_id, self.first_day + timedelta(d), count))
                    total += count
            posters.append(
                (
                    poster_id,
                    f"BENCH{index:03d}",
                    self.course_ids[index % len(self.course_ids)],
                    "A4",
                    self.at(created, 9 * 3600),
                    total,
                    place[0].pk,
                )
            )
            poster_id += 1
        self.writer.write(
            Poster,
            [
                "id",
                "code",
                "page_id",
                "size",
                "created_at",
                "visits",
                "neighbourhood_id",
            ],
            posters,
        )
        self.writer.write(PosterVisit, ["poster_id", "day", "count"], visits)
        self.writer.reset_sequences([Poster])
        self.poster_count, self.visit_days = len(posters), len(visits)

    def timed(self, name: str, *steps) -> None:
        start = time.perf_counter()
        for step in steps:
            step()
        self.timings[name] = time.perf_counter() - start

    def city(self) -> City:
        counts = self.writer.counts
        return City(
            ward_ids=[w.pk for w in self.wards],
            admin_id=self.staff_ids[0],
            officer_ids={
                ward.pk: uid
                for ward, uid in zip(self.wards, self.staff_ids[1:], strict=True)
            },
            course_ids=self.course_ids,
            counts={
                "residents": len(self.people),
                "neighbourhoods": len(self.places),
                "lesson progress": counts["learning.LessonProgress"],
                "course completions": self.completions,
                "certificates": self.completions,
                "VNeID level 2": counts["teams.VneidLevel2"],
                "group sessions": self.session_count,
                "poster visits (days)": self.visit_days,
            },
            seconds=self.timings,
        )


def city_generate(*, residents: int, seed: int = 2026, log=print) -> City:
    """Write the city (there must be none yet: see `city_wipe`), then build the
    summary rows from it with `stats_rebuild()`, timed."""
    from django.db import connection, transaction

    from stats.services import stats_rebuild

    if city_exists():
        raise SystemExit(f"The city '{CITY}' exists already: wipe it first (--wipe).")
    run = _Generation(residents=residents, seed=seed, log=log)
    start = time.perf_counter()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The rows are consistent by construction, and SQLite (the tests of
            # this generator) checks them; PostgreSQL would spend minutes at
            # commit checking every foreign key of two million rows.
            with connection.cursor() as cursor:
                skip_foreign_key_checks(cursor)
        run.timed(
            "residents", run.courses, run.places, run.people, run.residents_and_staff
        )
        log(f"  {residents:,} residents in {time.perf_counter() - start:.1f} s")
        run.timed("learning", run.learning)
        log(
            f"  {run.writer.counts['learning.LessonProgress']:,} lesson-progress "
            f"rows, {run.completions:,} completions and certificates "
            f"in {run.timings['learning']:.1f} s"
        )
        run.timed("vneid, sessions, posters", run.vneid, run.sessions, run.posters)
    run.timings["generation"] = time.perf_counter() - start
    log(f"  VNeID, {run.session_count:,} group sessions, {run.poster_count} posters")
    log(f"  all written and committed in {run.timings['generation']:.1f} s")

    def analyze():
        if connection.vendor == "postgresql":
            # As autovacuum would after such a load: plans need the tables' sizes.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    run.timed("analyze", analyze)
    mark = time.perf_counter()
    differences = stats_rebuild()
    run.timings["stats_rebuild"] = time.perf_counter() - mark
    log(
        f"  stats_rebuild() in {run.timings['stats_rebuild']:.1f} s "
        f"({len(differences):,} differences: the summary rows were empty)"
    )
    analyze()
    return run.city()


def residents_for(args) -> int:
    if args.residents:
        return args.residents
    return max(200, round(FULL_RESIDENTS * args.scale))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--residents", type=int, help="how many residents")
    parser.add_argument("--scale", type=float, default=1.0, help="of 200,000 residents")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--wipe", action="store_true", help="wipe an existing city first"
    )
    args = parser.parse_args()
    _setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    if city_exists():
        if not args.wipe:
            sys.stderr.write(
                f"The city '{CITY}' exists already in this database: refused. "
                "Run with --wipe to delete it and make a new one.\n"
            )
            return 2
        city_wipe()
    count = residents_for(args)
    print(f"Generating '{CITY}': {count:,} residents on {connection.vendor}")  # noqa: T201
    city = city_generate(residents=count, seed=args.seed)
    for name, value in city.counts.items():
        print(f"  {name:<28} {value:>12,}")  # noqa: T201
    for name, value in city.seconds.items():
        print(f"  {name + ' (s)':<28} {value:>12.1f}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
