import pytest

from accounts.models import User
from stats.cohorts import CHOICES, UNKNOWN, cohort_expression, cohort_label, cohort_of


@pytest.mark.parametrize(
    ("year", "cohort"),
    [
        (None, UNKNOWN),
        (1930, 1),
        (1959, 1),
        (1960, 2),
        (1969, 2),
        (1970, 3),
        (1989, 4),
        (1990, 5),
        (2008, 5),
    ],
)
def test_cohort_of_birth_year(year, cohort):
    assert cohort_of(year) == cohort


@pytest.mark.django_db
def test_the_database_buckets_as_python_does():
    years = [None, 1930, 1959, 1960, 1969, 1970, 1979, 1980, 1989, 1990, 2005]
    for i, year in enumerate(years):
        User.objects.create(phone=f"+8490000{i:04d}", birth_year=year)
    got = dict(
        User.objects.annotate(c=cohort_expression("birth_year")).values_list(
            "birth_year", "c"
        )
    )
    assert got == {year: cohort_of(year) for year in years}


def test_labels_show_birth_years_and_ages_this_year():
    from django.utils import translation

    with translation.override("en"):
        assert cohort_label(2, year=2026) == "Born 1960–1969 (aged 56–66)"
        assert cohort_label(1, year=2026) == "Born before 1960 (aged 66 and over)"
        assert cohort_label(5, year=2026) == "Born 1990 or later (aged 36 and under)"
        assert cohort_label(UNKNOWN) == "Birth year not known"
    with translation.override("vi"):
        assert cohort_label(2, year=2026) == "Sinh năm 1960–1969 (56–66 tuổi)"
    assert len({cohort_label(c) for c in CHOICES}) == len(CHOICES)


@pytest.mark.django_db
def test_the_hand_written_sql_buckets_as_python_does():
    from django.db import connection

    from stats.cohorts import cohort_sql

    years = [None, 1930, 1959, 1960, 1969, 1970, 1979, 1980, 1989, 1990, 2005]
    for i, year in enumerate(years):
        User.objects.create(phone=f"+8490001{i:04d}", birth_year=year)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT birth_year, {cohort_sql('birth_year')} FROM accounts_user"
        )
        got = dict(cursor.fetchall())
    assert got == {year: cohort_of(year) for year in years}
