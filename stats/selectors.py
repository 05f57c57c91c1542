"""Reads for the dashboard: summary rows only, never the progress tables."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from community.access import neighbourhoods_visible_to, scope_of, wards_visible_to
from community.models import Ward

COLUMNS = ("registered", "started", "completed", "certificates", "sessions")


@dataclass
class DashboardRow:
    name: str
    adult_population: int
    registered: int
    started: int
    completed: int
    certificates: int
    sessions: int

    @property
    def registered_share(self) -> float | None:
        """Registered residents as a percentage of the adult population."""
        if not self.adult_population:
            return None
        return round(100 * self.registered / self.adult_population, 1)


@dataclass
class Dashboard:
    rows: list[DashboardRow]
    total: DashboardRow

    @property
    def largest(self) -> int:
        return max([1] + [getattr(r, c) for r in self.rows for c in COLUMNS])


def may_see_stats(user) -> bool:
    scope = scope_of(user)
    return scope.city_admin or bool(scope.ward_ids or scope.neighbourhood_ids)


def stats_wards_for(user):
    """Wards the user can pick on the dashboard (officers, city admins)."""
    return wards_visible_to(user).order_by("name")


def ward_dashboard(
    *,
    user,
    ward: Ward | None,
    date_from: date,
    date_to: date,
    course=None,
) -> Dashboard:
    """One row per neighbourhood the user may follow (in `ward`, when given).

    Registered is the total up to `date_to`; the other counts are events between
    `date_from` and `date_to`, for `course` when given. One aggregate query.
    """
    neighbourhoods = neighbourhoods_visible_to(user)
    if ward is not None:
        neighbourhoods = neighbourhoods.filter(ward=ward)
    registered = Q(
        daily_summaries__course__isnull=True, daily_summaries__day__lte=date_to
    )
    period = Q(daily_summaries__day__gte=date_from, daily_summaries__day__lte=date_to)
    if course is not None:
        period &= Q(daily_summaries__course=course)

    def total(name, condition):
        return Coalesce(Sum(f"daily_summaries__{name}", filter=condition), 0)

    rows = [
        DashboardRow(**values)
        for values in neighbourhoods.order_by("number", "name")
        .values("pk", "name", "adult_population")
        .annotate(
            registered=total("registered", registered),
            started=total("started", period),
            completed=total("completed", period),
            certificates=total("certificates", period),
            sessions=total("sessions", period),
        )
        .values(
            "name",
            "adult_population",
            "registered",
            "started",
            "completed",
            "certificates",
            "sessions",
        )
    ]
    totals = DashboardRow(
        name="",
        adult_population=sum(r.adult_population for r in rows),
        **{c: sum(getattr(r, c) for r in rows) for c in COLUMNS},
    )
    return Dashboard(rows=rows, total=totals)
