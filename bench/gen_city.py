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


# --- Writing rows in bulk --------------------------------------------------------


class Writer:
    """Inserts tuples into a model's table: COPY on PostgreSQL, executemany elsewhere.

    Columns not given are filled with their field's default (one value for all rows),
    so a column another engineer adds with a default does not break the generator.
    """

    def __init__(self, connection):
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"
        self.counts: dict[str, int] = {}

    def write(self, model, columns: list[str], rows) -> int:
        meta = model._meta
        given = [meta.get_field(name) for name in columns]
        names = {f.attname for f in given}
        extra = [
            f
            for f in meta.concrete_fields
            if f.attname not in names and not f.primary_key
        ]
        defaults = tuple(f.get_default() for f in extra)
        fields = given + extra
        table = self.connection.ops.quote_name(meta.db_table)
        column_list = ", ".join(
            self.connection.ops.quote_name(f.column) for f in fields
        )
        count = 0
        with self.connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor  # psycopg's own cursor, for COPY
                with raw.copy(f"COPY {table} ({column_list}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row + defaults)
                        count += 1
            else:
                from django.db.models import DateField

                # Only dates and times need the backend's text form on SQLite.
                prepare = [
                    (lambda v, f=f: f.get_db_prep_save(v, self.connection))
                    if isinstance(f, DateField)
                    else None
                    for f in fields
                ]
                placeholders = ", ".join(["%s"] * len(fields))
                sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"
                rows = iter(rows)
                while batch := list(itertools.islice(rows, 5000)):
                    cursor.executemany(
                        sql,
                        [
                            [
                                p(v) if p else v
                                for p, v in zip(prepare, row + defaults, strict=True)
                            ]
                            for row in batch
                        ],
                    )
                    count += len(batch)
        self.counts[meta.label] = self.counts.get(meta.label, 0) + count
        return count

    def reset_sequences(self, models) -> None:
        from django.core.management.color import no_style

        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)


def _next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


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


def _cascade(cursor, model, where: str, params: list, quote) -> None:
    """DELETE FROM model WHERE `where`, after what refers to those rows: Django's
    on_delete rules (CASCADE, SET_NULL, PROTECT) applied with one statement per
    relation instead of one Python object per row. No listener runs: the city's
    certificates have no PDF file to remove."""
    from django.db import models

    meta = model._meta
    table = quote(meta.db_table)
    keys = f"SELECT {quote(meta.pk.column)} FROM {table} WHERE {where}"
    for relation in meta.related_objects:
        if relation.many_to_many:
            through = relation.through._meta
            column = next(
                f.column
                for f in through.fields
                if f.is_relation and f.related_model == model
            )
            cursor.execute(
                f"DELETE FROM {quote(through.db_table)} WHERE {quote(column)} "
                f"IN ({keys})",
                params,
            )
            continue
        related = relation.related_model
        condition = f"{quote(relation.field.column)} IN ({keys})"
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            _cascade(cursor, related, condition, params, quote)
        elif on_delete is models.SET_NULL:
            cursor.execute(
                f"UPDATE {quote(related._meta.db_table)} "
                f"SET {quote(relation.field.column)} = NULL WHERE {condition}",
                params,
            )
        elif on_delete in (models.PROTECT, models.RESTRICT):
            cursor.execute(
                f"SELECT 1 FROM {quote(related._meta.db_table)} WHERE {condition}",
                params,
            )
            if cursor.fetchone():
                raise SystemExit(f"{related._meta.label} protects the city's rows.")
    for many in meta.local_many_to_many:
        through = many.remote_field.through._meta
        column = many.m2m_column_name()
        cursor.execute(
            f"DELETE FROM {quote(through.db_table)} WHERE {quote(column)} IN ({keys})",
            params,
        )
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)


def _skip_foreign_key_checks(cursor) -> None:
    """PostgreSQL checks every foreign key of every deleted row when the transaction
    commits: minutes for 200,000 users referred to by some forty tables. `_cascade`
    already deleted or cleared what refers to them, so a superuser may skip those
    checks for this transaction; anyone else waits for them."""
    from django.db import DatabaseError, transaction

    try:
        with transaction.atomic():
            cursor.execute("SET LOCAL session_replication_role = replica")
    except DatabaseError:
        pass


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
            _skip_foreign_key_checks(cursor)
        residents = User.objects.filter(
            resident_profile__neighbourhood__ward__city=CITY
        ).values("pk")
        sql, params = residents.query.sql_with_params()
        cursor.execute("DROP TABLE IF EXISTS bench_city_users")
        cursor.execute(f"CREATE TEMPORARY TABLE bench_city_users AS {sql}", params)
        _cascade(cursor, User, "id IN (SELECT * FROM bench_city_users)", [], quote)
        cursor.execute("DROP TABLE bench_city_users")
        staff = [ADMIN_PHONE, *OFFICER_PHONES]
        marks = ", ".join(["%s"] * len(staff))
        _cascade(cursor, User, f"phone IN ({marks})", staff, quote)
        Poster.objects.filter(code__startswith="BENCH").delete()
        wards = f"SELECT id FROM {quote(Ward._meta.db_table)} WHERE city = %s"
        places = (
            f"SELECT id FROM {quote(Neighbourhood._meta.db_table)} "
            f"WHERE ward_id IN ({wards})"
        )
        _cascade(cursor, GroupSession, f"neighbourhood_id IN ({places})", [CITY], quote)
        _cascade(cursor, Neighbourhood, f"ward_id IN ({wards})", [CITY], quote)
        _cascade(cursor, Ward, "city = %s", [CITY], quote)
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


def city_generate(*, residents: int, seed: int = 2026, log=print) -> City:
    """Write the city; there must be none yet (see `city_wipe`)."""
    from django.db import connection, transaction
    from django.utils import timezone

    from accounts.models import User
    from certificates.codes import code_generate
    from cms.models import Poster, PosterVisit
    from community.models import Neighbourhood, ResidentProfile, RoleAssignment, Ward
    from learning.models import CourseCompletion, LessonProgress
    from teams.models import GroupSession, ResidentCard, VneidLevel2
    from teams.search import search_column

    if city_exists():
        raise SystemExit(f"The city '{CITY}' exists already: wipe it first (--wipe).")
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    tz = ZoneInfo(timezone.get_current_timezone_name())
    now = timezone.now()
    today = timezone.localdate()
    first_day = today - timedelta(weeks=WEEKS) + timedelta(days=1)
    days = (today - first_day).days + 1
    midnight = [
        datetime.combine(first_day + timedelta(d), clock(0), tz).astimezone(UTC)
        for d in range(days + 400)
    ]

    def at(day_index: int, seconds: float) -> datetime:
        return midnight[day_index] + timedelta(seconds=seconds)

    writer = Writer(connection)
    with transaction.atomic():
        courses = _courses(log)
        course_ids = [course.pk for course, _lessons, _pop in courses]
        course_titles = [course.title for course, _lessons, _pop in courses]
        lesson_ids = [lessons for _course, lessons, _pop in courses]
        popularity = [pop for _course, _lessons, pop in courses]

        # Places: each neighbourhood has a vigour (0 lagging .. 1 leading).
        wards = [Ward.objects.create(name=name, city=CITY) for name in WARDS]
        places = []  # (neighbourhood, ward, vigour, share of adults registered, size)
        for ward_number, ward in enumerate(wards):
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
        sizes = [max(3, round(residents * p[3] * p[4] / weight_total)) for p in places]
        sizes[-1] = max(3, sizes[-1] + residents - sum(sizes))
        for place, size in zip(places, sizes, strict=True):
            ward = place[1]
            number = len([p for p in places if p[1] == ward and p[0] is not None]) + 1
            place[0] = Neighbourhood.objects.create(
                ward=ward,
                number=number,
                name=f"Tổ dân phố số {number}",
                adult_population=round(size / place[3] * rng.uniform(0.95, 1.05)) + 1,
            )

        # Registration day of each resident: campaign weeks, lagging places late.
        weeks = _week_weights(rng)
        surnames = [s for s, _w in SURNAMES]
        surname_cum = list(itertools.accumulate(w for _s, w in SURNAMES))
        birth_years = list(range(1940, 2008))
        birth_cum = list(
            itertools.accumulate(
                1.4 if 1955 <= y <= 1985 else (0.6 if y < 1950 else 1.0)
                for y in birth_years
            )
        )
        user_id = _next_id(User)
        profile_id = _next_id(ResidentProfile)
        people = []  # (user id, profile id, place index, day, seconds, name, year)
        serial = 0
        for index, (place, size) in enumerate(zip(places, sizes, strict=True)):
            vigour = place[2]
            delay = int((1 - vigour) * 9)  # lagging places start weeks later
            day_weights = []
            for d in range(days):
                week = d // 7
                w = weeks[week] if week >= delay else 0.02
                day_weights.append(
                    w * (1.6 if (first_day + timedelta(d)).weekday() >= 5 else 1)
                )
            day_cum = list(itertools.accumulate(day_weights))
            for day in rng.choices(range(days), cum_weights=day_cum, k=size):
                seconds = rng.uniform(6.5, 21.5) * 3600
                if at(day, seconds) > now:
                    day, seconds = max(0, day - 1), seconds
                _sex, name = _name(rng, surnames, surname_cum)
                year = rng.choices(birth_years, cum_weights=birth_cum)[0]
                people.append(
                    (user_id, profile_id, index, day, seconds, name, year, serial)
                )
                user_id += 1
                profile_id += 1
                serial += 1
        people.sort(key=lambda p: (p[3], p[4]))  # registered in time order

        def users():
            for uid, _pid, _i, day, sec, name, year, n in people:
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
        writer.write(User, user_columns, users())
        staff = [(ADMIN_PHONE, "Quản trị thành phố (thử tải)")] + [
            (phone, f"Cán bộ {ward.name}")
            for phone, ward in zip(OFFICER_PHONES, wards, strict=True)
        ]
        staff_ids = list(range(user_id, user_id + len(staff)))
        writer.write(
            User,
            user_columns,
            (
                (uid, UNUSABLE_PASSWORD, phone, True, name, 1980, now)
                for uid, (phone, name) in zip(staff_ids, staff, strict=True)
            ),
        )

        # Volunteers: the two first registered of each neighbourhood.
        volunteers: dict[int, list[int]] = {}
        for uid, _pid, index, *_rest in people:
            if len(volunteers.setdefault(index, [])) < 2:
                volunteers[index].append(uid)
        how_cum = [0.55, 0.9, 1.0]
        hows = ["self", "assisted", "imported"]

        def profiles():
            for uid, pid, index, day, sec, _name, _year, n in people:
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
                )

        writer.write(
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
            ],
            profiles(),
        )
        writer.write(
            ResidentCard,
            ["profile_id", "search_name"],
            (
                (pid, search_column(name))
                for _u, pid, _i, _d, _s, name, _y, _n in people
            ),
        )
        roles = [
            (uid, "volunteer", None, places[index][0].pk, now)
            for index, uids in volunteers.items()
            for uid in uids
        ]
        roles += [(staff_ids[0], "city_admin", None, None, now)]
        roles += [
            (uid, "officer", ward.pk, None, now)
            for uid, ward in zip(staff_ids[1:], wards, strict=True)
        ]
        writer.write(
            RoleAssignment,
            ["user_id", "role", "ward_id", "neighbourhood_id", "granted_at"],
            roles,
        )
        writer.reset_sequences([User, ResidentProfile])
        timings["residents"] = time.perf_counter() - started
        log(f"  {len(people):,} residents in {timings['residents']:.1f} s")

        # Learning: who starts, which courses, how far; times never after now.
        mark = time.perf_counter()
        completions: list[tuple] = []
        age_keen = {
            y: (0.75 if y < 1955 else 1.0 if y < 1990 else 0.9) for y in birth_years
        }
        course_order = list(range(len(courses)))

        def progress():
            rand = rng.random
            for uid, _pid, index, day, sec, _name, year, _n in people:
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

        writer.write(
            LessonProgress,
            ["user_id", "lesson_id", "started_at", "completed_at"],
            progress(),
        )
        writer.write(
            CourseCompletion,
            ["user_id", "course_id", "completed_at"],
            ((uid, course_ids[c], done) for uid, c, done in completions),
        )
        person = {p[0]: p for p in people}

        def certificates():
            for uid, c, done in completions:
                _u, _p, index, _d, _s, name, year, _n = person[uid]
                issued = min(done + timedelta(seconds=2), now)
                place = places[index]
                yield (
                    uid,
                    course_ids[c],
                    code_generate(),
                    issued,
                    name,
                    year,
                    place[0].name,
                    course_titles[c],
                    place[1].pk,
                )

        writer.write(
            __import__("certificates.models", fromlist=["Certificate"]).Certificate,
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
        timings["learning"] = time.perf_counter() - mark
        log(
            f"  {writer.counts[LessonProgress._meta.label]:,} lesson-progress rows, "
            f"{len(completions):,} completions and certificates "
            f"in {timings['learning']:.1f} s"
        )

        # VNeID level 2, group sessions with attendees, posters and their visits.
        mark = time.perf_counter()

        def vneid():
            for uid, _pid, index, day, _sec, _name, _year, _n in people:
                vigour = places[index][2]
                if rng.random() < 0.1 + 0.45 * vigour:
                    on = min(days - 1, day + int(rng.expovariate(1 / 12)))
                    confirmed = rng.random() < 0.65
                    by = rng.choice(volunteers[index]) if confirmed else None
                    yield (
                        uid,
                        "confirmed" if confirmed else "declared",
                        first_day + timedelta(on),
                        by,
                        min(at(on, 15 * 3600), now),
                    )

        writer.write(
            VneidLevel2,
            ["user_id", "status", "activated_on", "recorded_by_id", "recorded_at"],
            vneid(),
        )

        by_place: dict[int, list[tuple[int, int]]] = {}
        for uid, _pid, index, day, *_rest in people:
            by_place.setdefault(index, []).append((day, uid))
        session_id = _next_id(GroupSession)
        sessions, attendees = [], []
        for index, place in enumerate(places):
            neighbourhood, _ward, vigour = place[0], place[1], place[2]
            registered = by_place.get(index, [])
            registered_days = [d for d, _u in registered]
            for week in range(WEEKS):
                held = int(
                    rng.random() * 3.2 * vigour * weeks[week] / 2 + rng.random() * 0.6
                )
                for _ in range(held):
                    day = min(days - 1, week * 7 + rng.randint(0, 6))
                    course = None if rng.random() < 0.2 else rng.choice(course_ids)
                    sessions.append(
                        (
                            session_id,
                            rng.choice(volunteers[index]),
                            first_day + timedelta(day),
                            f"Nhà văn hóa {neighbourhood.name.lower()}",
                            course,
                            neighbourhood.pk,
                            min(at(day, 19 * 3600), now),
                        )
                    )
                    came = registered[: bisect.bisect_right(registered_days, day)]
                    for _day, uid in rng.sample(
                        came, min(len(came), rng.randint(4, 15))
                    ):
                        attendees.append((session_id, uid))
                    session_id += 1
        writer.write(
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
        writer.write(through, ["groupsession_id", "user_id"], attendees)
        writer.reset_sequences([GroupSession])

        poster_fields = {f.name for f in Poster._meta.get_fields()}
        poster_id = _next_id(Poster)
        posters, visits = [], []
        for index, place in enumerate(places):
            if index % 2:
                continue  # a poster in every other neighbourhood
            code = f"BENCH{index:03d}"
            created = rng.randint(0, days // 2)
            row = (
                poster_id,
                code,
                course_ids[index % len(course_ids)],
                "A4",
                at(created, 9 * 3600),
            )
            extra = ()
            if "neighbourhood" in poster_fields:
                extra = (place[0].pk,)
            total = 0
            for d in range(created, days):
                count = int(rng.expovariate(1 / (1 + 6 * place[2] * weeks[d // 7] / 3)))
                if count:
                    visits.append((poster_id, first_day + timedelta(d), count))
                    total += count
            posters.append(row + (total,) + extra)
            poster_id += 1
        poster_columns = ["id", "code", "page_id", "size", "created_at", "visits"]
        if "neighbourhood" in poster_fields:
            poster_columns.append("neighbourhood_id")
        writer.write(Poster, poster_columns, posters)
        writer.write(PosterVisit, ["poster_id", "day", "count"], visits)
        writer.reset_sequences([Poster])
        timings["vneid, sessions, posters"] = time.perf_counter() - mark
        timings["generation"] = time.perf_counter() - started
        log(
            f"  VNeID, {len(sessions):,} group sessions, {len(posters)} posters "
            f"in {timings['vneid, sessions, posters']:.1f} s"
        )

    if connection.vendor == "postgresql":
        mark = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        timings["analyze"] = time.perf_counter() - mark

    mark = time.perf_counter()
    from stats.services import stats_rebuild

    differences = stats_rebuild()
    timings["stats_rebuild"] = time.perf_counter() - mark
    log(
        f"  stats_rebuild() in {timings['stats_rebuild']:.1f} s "
        f"({len(differences):,} differences: the summary rows were empty)"
    )
    if connection.vendor == "postgresql":
        # As autovacuum would after such a load: plans need the summary's size.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counts = {
        "residents": len(people),
        "neighbourhoods": len(places),
        "lesson progress": writer.counts[LessonProgress._meta.label],
        "course completions": len(completions),
        "certificates": len(completions),
        "VNeID level 2": writer.counts[VneidLevel2._meta.label],
        "group sessions": len(sessions),
        "poster visits (days)": len(visits),
    }
    return City(
        ward_ids=[w.pk for w in wards],
        admin_id=staff_ids[0],
        officer_ids={
            ward.pk: uid for ward, uid in zip(wards, staff_ids[1:], strict=True)
        },
        course_ids=course_ids,
        counts=counts,
        seconds=timings,
    )


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
