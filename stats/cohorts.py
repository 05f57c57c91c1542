"""Birth cohorts: the age-band dimension of the summary rows.

A cohort is a small integer computed from the birth year, never from an age, so a
summary row keeps its band as the years pass; the label shows the birth years and,
for the reader, the ages they mean this year.
"""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

# Rows that are about no single person (group sessions, poster visits).
NO_PERSON = 0
UNKNOWN = 6
# (cohort, first birth year or None, last birth year or None)
BANDS = (
    (1, None, 1959),
    (2, 1960, 1969),
    (3, 1970, 1979),
    (4, 1980, 1989),
    (5, 1990, None),
)
CHOICES = tuple(band[0] for band in BANDS) + (UNKNOWN,)


def cohort_of(birth_year: int | None) -> int:
    if birth_year is None:
        return UNKNOWN
    for cohort, first, last in BANDS:
        if (first is None or birth_year >= first) and (
            last is None or birth_year <= last
        ):
            return cohort
    return UNKNOWN


def cohort_expression(birth_year_field: str) -> Case:
    """The same bucket as `cohort_of`, computed by the database."""
    whens = [When(**{f"{birth_year_field}__isnull": True}, then=Value(UNKNOWN))]
    for cohort, _first, last in BANDS:
        if last is not None:
            whens.append(When(**{f"{birth_year_field}__lte": last}, then=Value(cohort)))
    return Case(*whens, default=Value(BANDS[-1][0]), output_field=IntegerField())


def cohort_sql(column: str) -> str:
    """The same bucket in plain SQL (integers only), for hand-written queries."""
    whens = [f"WHEN {column} IS NULL THEN {UNKNOWN}"]
    whens += [
        f"WHEN {column} <= {last} THEN {cohort}"
        for cohort, _first, last in BANDS
        if last is not None
    ]
    return f"CASE {' '.join(whens)} ELSE {BANDS[-1][0]} END"


def cohort_label(cohort: int, *, year: int | None = None) -> str:
    """ "Born 1960–1969 (aged 57–66)": the birth years, and the ages they mean now."""
    year = year or timezone.localdate().year
    if cohort == UNKNOWN:
        return _("Birth year not known")
    _cohort, first, last = next(band for band in BANDS if band[0] == cohort)
    if first is None:
        return _("Born before %(year)s (aged %(age)s and over)") % {
            "year": last + 1,
            "age": year - last - 1,
        }
    if last is None:
        return _("Born %(year)s or later (aged %(age)s and under)") % {
            "year": first,
            "age": year - first,
        }
    return _("Born %(first)s–%(last)s (aged %(young)s–%(old)s)") % {
        "first": first,
        "last": last,
        "young": year - last - 1,
        "old": year - first,
    }


def cohort_choices() -> list[tuple[str, str]]:
    return [(str(cohort), cohort_label(cohort)) for cohort in CHOICES]
