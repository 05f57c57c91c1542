"""Movement statistics at city scale: dashboards, exports and rebuild, against budgets.

On the city of `bench/gen_city.py` (200,000 residents, ~2,000,000 lesson-progress
rows), server time through Django's test client (URL routing, session, the view,
the template; DEBUG off, after a warm-up), logged in as the officer of one ward or
as the city admin:

- ward dashboard `/stats/?ward=<id>`: median and p95 over 30 requests (budget: median
  ≤ 100 ms), and the same with every filter set (course, period, age band);
- city view `/stats/city/`; exports `/stats/export.csv`, `export.xlsx`, `report.pdf`
  (budget ≤ 2 s each);
- `rebuild_stats` over the whole city;
- the same ward dashboard figures counted with a naive GROUP BY over the raw rows
  (profiles, progress, completions, certificates, VNeID, sessions, poster visits), as
  a time and as the ratio naive / summary. The naive figures must EQUAL the page's,
  for both queries: a check that the bench data and the summary rows are coherent.

Where it runs:
- `python bench/bench_stats.py`: on PostgreSQL at `BENCH_DATABASE_URL` (default
  postgres://postgres@127.0.0.1:5432/bench_city; created when missing), with a freshly
  generated 200,000-resident city (`--reuse` keeps one already there). When that
  server cannot be reached it says so and measures a 20,000-resident city on SQLite
  in memory instead; those figures are not the budgets' city.
- `python bench/bench_stats.py --smoke` (`BENCH_SMOKE=1`): 1,000 residents on SQLite
  in memory, a few requests each; proves it runs, enforces no budget.
"""

import io
import os
import sys
import time
from datetime import datetime, timedelta
from datetime import time as clock
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import Report, median, percentile, setup_django, test_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_city"
FULL_RESIDENTS = 200_000
FALLBACK_RESIDENTS = 20_000
SMOKE_RESIDENTS = 1_000
BUDGET_WARD_MEDIAN_MS = 100
BUDGET_EXPORT_MS = 2000
FIGURES = (
    "registered",
    "removed",
    "completed_any",
    "vneid_confirmed",
    "vneid_declared",
    "started",
    "completed",
    "certificates",
    "sessions",
    "poster_visits",
)


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def postgres_ready(url: str) -> bool:
    """Whether the server of `url` answers; its database is created when missing."""
    import psycopg
    from psycopg import sql

    try:
        import dj_database_url

        settings = dj_database_url.parse(url)
        params = {
            "host": settings["HOST"] or None,
            "port": settings["PORT"] or None,
            "user": settings["USER"] or None,
            "password": settings["PASSWORD"] or None,
            "connect_timeout": 3,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]]
            ).fetchone()
            if not exists:
                conn.execute(
                    sql.SQL("CREATE DATABASE {}").format(
                        sql.Identifier(settings["NAME"])
                    )
                )
                say(f"Created the database {settings['NAME']}.")
        return True
    except (psycopg.Error, OSError) as error:
        say(f"PostgreSQL at {url} cannot be reached ({error.__class__.__name__}).")
        return False


# --- The naive way: GROUP BY over the raw rows, per request ------------------------


def naive_figures(*, ward_id, date_from, date_to, course=None, cohort=None) -> dict:
    """The ward dashboard's figures per neighbourhood id, counted from the raw rows
    with the meanings of `stats.selectors` (its module docstring)."""
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.db import connection
    from django.db.models import Count, F, Min, Q, Sum
    from django.db.models.functions import Coalesce

    from certificates.models import Certificate
    from cms.models import PosterVisit
    from community.models import Neighbourhood, ResidentProfile
    from learning.models import CourseCompletion, LessonProgress
    from stats.cohorts import cohort_expression
    from teams.models import GroupSession, VneidLevel2

    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(date_from, clock(0), tz)
    end = datetime.combine(date_to + timedelta(days=1), clock(0), tz)
    figures = {
        pk: dict.fromkeys(FIGURES, 0) | {"completed_by_course": {}}
        for pk in Neighbourhood.objects.filter(ward_id=ward_id).values_list(
            "pk", flat=True
        )
    }
    profiles = ResidentProfile.objects.filter(neighbourhood__ward_id=ward_id)
    if cohort is not None:
        profiles = profiles.alias(c=cohort_expression("user__birth_year")).filter(
            c=cohort
        )
    nb = "user__resident_profile__neighbourhood_id"
    of_residents = Q(user__resident_profile__in=profiles)

    def put(name, rows, key="nb"):
        for row in rows:
            figures[row[key]][name] += row["n"] or 0

    def per_person_first(queryset, at, low, high):
        """People whose first `at` falls in [low, high), counted per neighbourhood:
        a GROUP BY over a GROUP BY."""
        inner = queryset.values("user_id", nb=F(nb)).annotate(first=Min(at)).order_by()
        query, params = inner.query.sql_with_params()
        adapt = connection.ops.adapt_datetimefield_value  # UTC text on SQLite
        where, bounds = ["t.first < %s"], [adapt(high)]
        if low is not None:
            where.append("t.first >= %s")
            bounds.append(adapt(low))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT t.nb, COUNT(*) FROM ({query}) t "
                f"WHERE {' AND '.join(where)} GROUP BY t.nb",
                (*params, *bounds),
            )
            return [{"nb": nb_id, "n": n} for nb_id, n in cursor.fetchall()]

    gone = ~Q(status=ResidentProfile.Status.ACTIVE)
    left_at = Coalesce("status_changed_at", "created_at")
    put(
        "registered",
        profiles.filter(created_at__lt=end)
        .alias(left=left_at)
        .exclude(gone & Q(left__lt=end))
        .values(nb=F("neighbourhood_id"))
        .annotate(n=Count("pk")),
    )
    put(
        "removed",
        profiles.filter(gone)
        .alias(left=left_at)
        .filter(left__gte=start, left__lt=end)
        .values(nb=F("neighbourhood_id"))
        .annotate(n=Count("pk")),
    )
    progress = LessonProgress.objects.filter(of_residents)
    if course is not None:
        progress = progress.filter(lesson__path__startswith=course.path)
    put("started", per_person_first(progress, "started_at", start, end))
    completions = CourseCompletion.objects.filter(of_residents)
    put(
        "completed_any",
        per_person_first(completions, "completed_at", None, end),
    )
    in_period = completions.filter(completed_at__gte=start, completed_at__lt=end)
    if course is not None:
        in_period = in_period.filter(course_id=course.pk)
    put("completed", in_period.values(nb=F(nb)).annotate(n=Count("pk")))
    if course is None:
        for row in in_period.values("course_id", nb=F(nb)).annotate(n=Count("pk")):
            figures[row["nb"]]["completed_by_course"][row["course_id"]] = row["n"]
    certificates = Certificate.objects.filter(
        of_residents, issued_at__gte=start, issued_at__lt=end
    )
    if course is not None:
        certificates = certificates.filter(course_id=course.pk)
    put("certificates", certificates.values(nb=F(nb)).annotate(n=Count("pk")))
    for row in (
        VneidLevel2.objects.filter(of_residents, activated_on__lte=date_to)
        .values("status", nb=F(nb))
        .annotate(n=Count("pk"))
    ):
        name = "vneid_confirmed" if row["status"] == "confirmed" else "vneid_declared"
        figures[row["nb"]][name] += row["n"]
    sessions = GroupSession.objects.filter(
        neighbourhood__ward_id=ward_id, held_on__gte=date_from, held_on__lte=date_to
    )
    if course is not None:
        sessions = sessions.filter(course_id=course.pk)
    put("sessions", sessions.values(nb=F("neighbourhood_id")).annotate(n=Count("pk")))
    put(
        "poster_visits",
        PosterVisit.objects.filter(
            poster__neighbourhood__ward_id=ward_id,
            day__gte=date_from,
            day__lte=date_to,
        )
        .values(nb=F("poster__neighbourhood_id"))
        .annotate(n=Sum("count")),
    )
    return figures


def page_figures(dashboard) -> dict:
    return {
        row.pk: {name: getattr(row, name) for name in FIGURES}
        | {"completed_by_course": dict(row.completed_by_course)}
        for row in dashboard.rows
    }


def assert_equal(label: str, page: dict, naive: dict) -> None:
    """Stop the benchmark when the page and the raw rows disagree."""
    wrong = [
        f"neighbourhood {pk} {name}: page {page.get(pk, {}).get(name)}, "
        f"raw {figures[name]}"
        for pk, figures in naive.items()
        for name in (*FIGURES, "completed_by_course")
        if page.get(pk, {}).get(name) != figures[name]
    ]
    if wrong or set(page) != set(naive):
        raise SystemExit(
            f"{label}: the dashboard differs from the raw rows:\n  "
            + "\n  ".join(wrong[:20] or [f"rows {sorted(page)} != {sorted(naive)}"])
        )
    say(f"  {label}: every figure equals the raw count ({len(naive)} rows)")


# --- The measurements -------------------------------------------------------------


def measure(city, *, smoke: bool, residents: int, where: str) -> int:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from community.models import Ward
    from learning.models import CoursePage
    from stats.cohorts import BANDS

    requests = 3 if smoke else 30
    few = 1 if smoke else 5
    ward = Ward.objects.get(pk=city.ward_ids[0])
    officer, admin = Client(), Client()
    officer.force_login(_user(city.officer_ids[ward.pk]))
    admin.force_login(_user(city.admin_id))
    course = CoursePage.objects.get(pk=city.course_ids[1])
    today = city_today()
    filtered = (
        f"ward={ward.pk}&course={course.pk}&age={BANDS[1][0]}"
        f"&date_from={today - timedelta(weeks=8)}&date_to={today - timedelta(days=3)}"
    )

    def get(client, url, status=200):
        response = client.get(url)
        if response.status_code != status:
            raise SystemExit(f"GET {url}: {response.status_code}")
        if response.streaming:
            b"".join(response.streaming_content)
        return response

    split = {}  # url -> (CPU ms, SQL ms, queries) per request

    def samples(client, url, count) -> list[float]:
        for _ in range(0 if smoke else 2):  # warm-up: first imports, caches, plans
            get(client, url)
        result, cpu, sql = [], [], []
        for _ in range(count):
            clock = SqlClock()
            with connection.execute_wrapper(clock):
                start, cpu_start = time.perf_counter(), time.process_time()
                get(client, url)
                result.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - cpu_start) * 1000)
            sql.append(clock.seconds * 1000)
        split[url] = (median(cpu), median(sql), clock.queries)
        return result

    def breakdown(url) -> None:
        cpu, sql, queries = split[url]
        report.line("  CPU time of this process, median", cpu, "ms")
        report.line(f"  waiting on its {queries} SQL queries, median", sql, "ms")

    report = Report(
        f"Statistics, {where}: {residents:,} residents, ward '{ward.name}' "
        f"({_ward_residents(ward):,} residents), server time in-process"
    )
    with override_settings(DEBUG=False):
        # Coherence first: the page's figures equal the raw rows'.
        page = get(officer, f"/stats/?ward={ward.pk}").context["dashboard"]
        default = {"date_from": page.date_from, "date_to": page.date_to}
        naive = naive_figures(ward_id=ward.pk, **default)
        assert_equal("ward dashboard, default filters", page_figures(page), naive)
        page_f = get(officer, f"/stats/?{filtered}").context["dashboard"]
        assert_equal(
            "ward dashboard, course + age band + 8 weeks",
            page_figures(page_f),
            naive_figures(
                ward_id=ward.pk,
                date_from=page_f.date_from,
                date_to=page_f.date_to,
                course=course,
                cohort=BANDS[1][0],
            ),
        )

        ward_ms = samples(officer, f"/stats/?ward={ward.pk}", requests)
        report.line(
            f"ward dashboard, median of {requests}",
            median(ward_ms),
            "ms",
            BUDGET_WARD_MEDIAN_MS,
        )
        report.line("ward dashboard, p95", percentile(ward_ms, 0.95), "ms")
        breakdown(f"/stats/?ward={ward.pk}")
        filtered_ms = samples(officer, f"/stats/?{filtered}", requests)
        report.line(
            "ward dashboard, all filters set, median",
            median(filtered_ms),
            "ms",
            BUDGET_WARD_MEDIAN_MS,
        )
        report.line(
            "ward dashboard, all filters set, p95", percentile(filtered_ms, 0.95), "ms"
        )
        breakdown(f"/stats/?{filtered}")

        naive_ms = []
        for _ in range(few):
            start = time.perf_counter()
            naive_figures(ward_id=ward.pk, **default)
            naive_ms.append((time.perf_counter() - start) * 1000)
        report.line(
            "same figures, naive GROUP BY on raw rows, median", median(naive_ms), "ms"
        )
        report.line(
            "  ratio naive / dashboard (medians)",
            median(naive_ms) / median(ward_ms),
            "x",
        )

        city_ms = samples(admin, "/stats/city/", max(3, requests // 3))
        report.line("city view (all wards), median", median(city_ms), "ms")
        report.line("city view, p95", percentile(city_ms, 0.95), "ms")
        breakdown("/stats/city/")
        for name in ("export.csv", "export.xlsx", "report.pdf"):
            export_ms = samples(officer, f"/stats/{name}?ward={ward.pk}", few)
            report.line(
                f"{name} (ward, default period), median of {few}",
                median(export_ms),
                "ms",
                BUDGET_EXPORT_MS,
            )
        export_ms = samples(admin, "/stats/report.pdf?city=1", few)
        report.line(
            "report.pdf (city view), median", median(export_ms), "ms", BUDGET_EXPORT_MS
        )

    if city.seconds.get("stats_rebuild") is not None:
        report.line(
            "stats_rebuild() after generation (empty summary)",
            city.seconds["stats_rebuild"],
            "s",
        )
    out = io.StringIO()
    start = time.perf_counter()
    call_command("rebuild_stats", stdout=out, stderr=out)
    report.line(
        "rebuild_stats, whole city (no drift to fix)", time.perf_counter() - start, "s"
    )
    report.line("load average (1 min) after measuring", os.getloadavg()[0], "")
    return 1 if report.failed else 0


class SqlClock:
    """Time spent waiting on the database, through Django's execute wrapper."""

    def __init__(self):
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.queries += 1


def city_today():
    from django.utils import timezone

    return timezone.localdate()


def _user(pk):
    from accounts.models import User

    return User.objects.get(pk=pk)


def _ward_residents(ward) -> int:
    from community.models import ResidentProfile

    return ResidentProfile.objects.filter(neighbourhood__ward=ward).count()


def generate(residents: int, *, reuse: bool):
    from bench.gen_city import city_exists, city_find, city_generate, city_wipe

    if reuse and city_exists():
        city = city_find()
        if city.counts["residents"] == residents:
            say(f"Reusing the city already there ({residents:,} residents).")
            return city
    if city_exists():
        city_wipe(log=say)
    start = time.perf_counter()
    city = city_generate(residents=residents, log=say)
    say(f"  city generated and summarised in {time.perf_counter() - start:.1f} s")
    return city


def main(smoke: bool, reuse: bool) -> int:
    if smoke:
        setup_django()
        with test_database():
            city = generate(SMOKE_RESIDENTS, reuse=False)
            return measure(
                city, smoke=True, residents=SMOKE_RESIDENTS, where="SQLite (smoke)"
            )
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if postgres_ready(url):
        say(f"Benchmark on PostgreSQL at {url}: {FULL_RESIDENTS:,} residents.")
        os.environ["DATABASE_URL"] = url
        setup_django()
        from django.core.management import call_command
        from django.test.utils import setup_test_environment

        setup_test_environment()
        call_command("migrate", verbosity=0, interactive=False)
        city = generate(FULL_RESIDENTS, reuse=reuse)
        return measure(city, smoke=False, residents=FULL_RESIDENTS, where="PostgreSQL")
    say(
        f"NOT the budgets' city: measuring {FALLBACK_RESIDENTS:,} residents on SQLite "
        "in memory instead. Set BENCH_DATABASE_URL to a PostgreSQL server."
    )
    os.environ.pop("DATABASE_URL", None)
    setup_django()
    with test_database():
        city = generate(FALLBACK_RESIDENTS, reuse=False)
        return measure(
            city, smoke=False, residents=FALLBACK_RESIDENTS, where="SQLite (fallback)"
        )


if __name__ == "__main__":
    sys.exit(main(smoke="--smoke" in sys.argv, reuse="--reuse" in sys.argv))
