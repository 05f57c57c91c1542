"""Reads for the dashboards: summary rows only, never the raw tables.

A page costs a few aggregate queries whatever the number of neighbourhoods: the
neighbourhoods, one conditional aggregate over their summary rows, the completions
per course, and the days of the period for the weekly trend.

What the figures mean (the page and the exports say it in their headings):
- "so far" figures count everything up to the end date: registered (active residents:
  registered minus removed), share of adults, completed at least one course, VNeID
  level 2 confirmed and declared;
- "in the period" figures count what happened between the start and the end date:
  started, completed (per course), certificates, group sessions, poster visits, left;
- "last 7 days" compares the 7 days ending on the end date with the 7 days before.
"""

from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from django.db.models import Q, Sum

from community.access import (
    is_city_admin,
    may_see_statistics,
    neighbourhoods_visible_to,
    wards_visible_to,
)
from community.models import Ward
from learning.models import CoursePage

from .cohorts import NO_PERSON
from .models import DailySummary

WEEK = 7


@dataclass
class Figures:
    """The figures of one neighbourhood, one ward or a total."""

    name: str = ""
    pk: int | None = None
    adult_population: int = 0
    # so far (up to the end date)
    registered: int = 0
    completed_any: int = 0
    vneid_confirmed: int = 0
    vneid_declared: int = 0
    # in the period
    started: int = 0
    completed: int = 0
    certificates: int = 0
    sessions: int = 0
    poster_visits: int = 0
    removed: int = 0
    # the 7 days to the end date, and the 7 days before
    week_registered: int = 0
    previous_week_registered: int = 0
    week_completed: int = 0
    previous_week_completed: int = 0
    # in the period, per course id (when all courses are shown)
    completed_by_course: dict = field(default_factory=dict)
    weakest: bool = False

    @property
    def registered_share(self) -> float | None:
        """Registered residents as a percentage of the adult population."""
        if not self.adult_population:
            return None
        return round(100 * self.registered / self.adult_population, 1)

    @property
    def completed_any_share(self) -> float | None:
        if not self.adult_population:
            return None
        return round(100 * self.completed_any / self.adult_population, 1)

    @property
    def week_registered_change(self) -> int:
        return self.week_registered - self.previous_week_registered

    @property
    def week_completed_change(self) -> int:
        return self.week_completed - self.previous_week_completed

    def completed_in(self, course_id: int) -> int:
        return self.completed_by_course.get(course_id, 0)

    def add(self, other: "Figures") -> None:
        for f in fields(self):
            value = getattr(other, f.name)
            if isinstance(value, int) and not isinstance(value, bool):
                if f.name != "pk":
                    setattr(self, f.name, getattr(self, f.name) + value)
        for course_id, n in other.completed_by_course.items():
            self.completed_by_course[course_id] = (
                self.completed_by_course.get(course_id, 0) + n
            )


@dataclass
class TrendPoint:
    """One ISO week of the period (clipped to it)."""

    week_start: date
    week_end: date
    registered: int  # so far, at the end of the week
    completed_any: int  # so far, at the end of the week
    started: int  # in the week
    completed: int  # in the week


@dataclass
class Dashboard:
    rows: list[Figures]
    total: Figures
    trend: list[TrendPoint]
    courses: list[tuple[int, str]]  # per-course columns: (id, title); [] when one
    date_from: date
    date_to: date
    course: CoursePage | None = None
    birth_cohort: int | None = None
    ward: Ward | None = None

    @property
    def weakest(self) -> list[Figures]:
        return [row for row in self.rows if row.weakest]

    @property
    def by_share(self) -> list[Figures]:
        """Rows from the weakest (lowest share registered) up; unknown last."""
        return sorted(
            self.rows,
            key=lambda r: (r.registered_share is None, r.registered_share or 0, r.name),
        )

    @property
    def week_from(self) -> date:
        return self.date_to - timedelta(days=WEEK - 1)


def may_see_stats(user) -> bool:
    return may_see_statistics(user)


def may_see_city(user) -> bool:
    return is_city_admin(user)


def stats_wards_for(user):
    """Wards the user can pick on the dashboard (officers, city admins)."""
    return wards_visible_to(user).order_by("name")


def _mark_weakest(rows: list[Figures]) -> None:
    """The lowest quarter by share registered (at least one) among two or more
    neighbourhoods with a population figure."""
    known = sorted(
        (r for r in rows if r.registered_share is not None),
        key=lambda r: (r.registered_share, r.name),
    )
    if len(known) < 2:
        return
    for row in known[: max(1, round(len(known) / 4))]:
        if row.registered_share < known[-1].registered_share:
            row.weakest = True


def _figures(
    neighbourhood_ids: list[int],
    date_from: date,
    date_to: date,
    course: CoursePage | None,
    birth_cohort: int | None,
) -> tuple[dict[int, Figures], dict[str, int]]:
    """Figures per neighbourhood id (names left empty), and the period's sums that
    the trend starts from. Two aggregate queries (what is counted "so far" lives in
    the course-less rows of every day up to the end; the rest in the rows of the
    period and the two weeks before its end), plus one for per-course columns."""
    summaries = DailySummary.objects.filter(
        neighbourhood_id__in=neighbourhood_ids, day__lte=date_to
    ).order_by()
    if birth_cohort is not None:
        summaries = summaries.filter(birth_cohort__in=[birth_cohort, NO_PERSON])
    period = Q(day__gte=date_from)
    week = Q(day__gt=date_to - timedelta(days=WEEK))
    previous_week = Q(day__gt=date_to - timedelta(days=2 * WEEK)) & ~week
    in_course = Q(course=course) if course is not None else Q()
    started = "started" if course is not None else "first_started"

    def total(name, condition=None):
        return Sum(name, filter=condition) if condition is not None else Sum(name)

    so_far = {
        "registered": total("registered"),
        "removed_so_far": total("removed"),
        "completed_any": total("first_completed"),
        "vneid_confirmed": total("vneid_confirmed"),
        "vneid_declared": total("vneid_declared"),
    }
    recent = {
        "started": total(started, period & in_course),
        "completed": total("completed", period & in_course),
        "certificates": total("certificates", period & in_course),
        "sessions": total("sessions", period & in_course),
        "poster_visits": total("poster_visits", period),
        "removed": total("removed", period),
        "registered_in_period": total("registered", period),
        "completed_any_in_period": total("first_completed", period),
        "week_registered": total("registered", week),
        "week_removed": total("removed", week),
        "previous_week_registered": total("registered", previous_week),
        "previous_week_removed": total("removed", previous_week),
        "week_completed": total("completed", week & in_course),
        "previous_week_completed": total("completed", previous_week & in_course),
    }
    earliest = min(date_from, date_to - timedelta(days=2 * WEEK - 1))

    def sums(queryset, aggregates):
        # Aliases must not shadow the fields they add up.
        return {
            row["neighbourhood_id"]: {
                name: row[f"sum_{name}"] or 0 for name in aggregates
            }
            for row in queryset.values("neighbourhood_id").annotate(
                **{f"sum_{name}": aggregate for name, aggregate in aggregates.items()}
            )
        }

    totals = sums(summaries.filter(course__isnull=True), so_far)
    recents = sums(summaries.filter(day__gte=earliest), recent)
    empty = dict.fromkeys(recent, 0)
    result: dict[int, Figures] = {}
    period_sums = {"registered": 0, "removed": 0, "completed_any": 0}
    for neighbourhood_id in set(totals) | set(recents):
        v = totals.get(neighbourhood_id, dict.fromkeys(so_far, 0)) | recents.get(
            neighbourhood_id, empty
        )
        result[neighbourhood_id] = Figures(
            registered=v["registered"] - v["removed_so_far"],
            completed_any=v["completed_any"],
            vneid_confirmed=v["vneid_confirmed"],
            vneid_declared=v["vneid_declared"],
            started=v["started"],
            completed=v["completed"],
            certificates=v["certificates"],
            sessions=v["sessions"],
            poster_visits=v["poster_visits"],
            removed=v["removed"],
            week_registered=v["week_registered"] - v["week_removed"],
            previous_week_registered=(
                v["previous_week_registered"] - v["previous_week_removed"]
            ),
            week_completed=v["week_completed"],
            previous_week_completed=v["previous_week_completed"],
        )
        period_sums["registered"] += v["registered_in_period"]
        period_sums["removed"] += v["removed"]
        period_sums["completed_any"] += v["completed_any_in_period"]
    if course is None:
        for row in (
            summaries.filter(period, course__isnull=False, completed__gt=0)
            .values("neighbourhood_id", "course_id")
            .annotate(sum_completed=Sum("completed"))
        ):
            figures = result.get(row["neighbourhood_id"])
            if figures is not None:
                figures.completed_by_course[row["course_id"]] = row["sum_completed"]
    return result, period_sums


def _trend(
    neighbourhood_ids: list[int],
    date_from: date,
    date_to: date,
    course: CoursePage | None,
    birth_cohort: int | None,
    total: Figures,
    period_sums: dict[str, int],
) -> list[TrendPoint]:
    """Per ISO week of the period: registered and completed-any so far at its end,
    started and completed in it. One query over the period's days."""
    summaries = DailySummary.objects.filter(
        neighbourhood_id__in=neighbourhood_ids, day__gte=date_from, day__lte=date_to
    ).order_by()
    if birth_cohort is not None:
        summaries = summaries.filter(birth_cohort__in=[birth_cohort, NO_PERSON])
    in_course = Q(course=course) if course is not None else Q()
    started = "started" if course is not None else "first_started"
    days = {
        row["day"]: row
        for row in summaries.values("day").annotate(
            sum_registered=Sum("registered"),
            sum_removed=Sum("removed"),
            sum_completed_any=Sum("first_completed"),
            sum_started=Sum(started, filter=in_course),
            sum_completed=Sum("completed", filter=in_course),
        )
    }
    registered = total.registered - (period_sums["registered"] - period_sums["removed"])
    completed_any = total.completed_any - period_sums["completed_any"]
    points = []
    start = date_from
    while start <= date_to:
        end = min(start + timedelta(days=6 - start.weekday()), date_to)
        started_n = completed_n = 0
        day = start
        while day <= end:
            row = days.get(day)
            if row:
                registered += (row["sum_registered"] or 0) - (row["sum_removed"] or 0)
                completed_any += row["sum_completed_any"] or 0
                started_n += row["sum_started"] or 0
                completed_n += row["sum_completed"] or 0
            day += timedelta(days=1)
        points.append(
            TrendPoint(start, end, registered, completed_any, started_n, completed_n)
        )
        start = end + timedelta(days=1)
    return points


def _course_columns(course) -> list[tuple[int, str]]:
    if course is not None:
        return []
    return list(CoursePage.objects.live().order_by("title").values_list("pk", "title"))


def _dashboard(
    rows: list[Figures],
    neighbourhood_ids: list[int],
    period_sums: dict[str, int],
    date_from: date,
    date_to: date,
    course: CoursePage | None,
    birth_cohort: int | None,
    ward: Ward | None = None,
) -> Dashboard:
    """The rows with their weakest marked, their total and the weekly trend."""
    _mark_weakest(rows)
    total = Figures(name="")
    for row in rows:
        total.add(row)
    trend = _trend(
        neighbourhood_ids, date_from, date_to, course, birth_cohort, total, period_sums
    )
    return Dashboard(
        rows=rows,
        total=total,
        trend=trend,
        courses=_course_columns(course),
        date_from=date_from,
        date_to=date_to,
        course=course,
        birth_cohort=birth_cohort,
        ward=ward,
    )


def ward_dashboard(
    user,
    ward: Ward | None,
    date_from: date,
    date_to: date,
    course: CoursePage | None = None,
    birth_cohort: int | None = None,
) -> Dashboard:
    """One row per neighbourhood the user may follow (in `ward`, when given), the
    total, and the weekly trend. `birth_cohort` (stats.cohorts) narrows the
    per-person figures; sessions and poster visits concern no one age band."""
    neighbourhoods = neighbourhoods_visible_to(user)
    if ward is not None:
        neighbourhoods = neighbourhoods.filter(ward=ward)
    places = list(
        neighbourhoods.order_by("number", "name").values(
            "pk", "name", "adult_population"
        )
    )
    ids = [place["pk"] for place in places]
    by_id, period_sums = _figures(ids, date_from, date_to, course, birth_cohort)
    rows = []
    for place in places:
        figures = by_id.get(place["pk"]) or Figures()
        figures.pk, figures.name = place["pk"], place["name"]
        figures.adult_population = place["adult_population"] or 0
        rows.append(figures)
    return _dashboard(
        rows, ids, period_sums, date_from, date_to, course, birth_cohort, ward=ward
    )


def city_dashboard(
    user,
    date_from: date,
    date_to: date,
    course: CoursePage | None = None,
    birth_cohort: int | None = None,
) -> Dashboard:
    """City admins: one row per ward (its neighbourhoods added up) and the city
    total. Anyone else gets no row."""
    if not may_see_city(user):
        places = []
    else:
        places = list(
            neighbourhoods_visible_to(user).values(
                "pk", "adult_population", "ward_id", "ward__name"
            )
        )
    ids = [place["pk"] for place in places]
    by_id, period_sums = _figures(ids, date_from, date_to, course, birth_cohort)
    wards: dict[int, Figures] = {}
    for place in places:
        ward = wards.setdefault(
            place["ward_id"], Figures(pk=place["ward_id"], name=place["ward__name"])
        )
        figures = by_id.get(place["pk"]) or Figures()
        figures.adult_population = place["adult_population"] or 0
        ward.add(figures)
    rows = sorted(wards.values(), key=lambda w: w.name)
    return _dashboard(rows, ids, period_sums, date_from, date_to, course, birth_cohort)
