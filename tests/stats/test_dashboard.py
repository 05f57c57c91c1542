import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certificates.models import Certificate
from community.models import ResidentProfile
from community.roles import Role
from community.spreadsheets import spreadsheet_safe
from learning.models import CourseCompletion, LessonProgress
from quizzes.models import QuizAttempt
from stats.selectors import ward_dashboard
from teams.models import GroupSession
from tests.community.factories import NeighbourhoodFactory

URL = "/stats/"
PINNED = 13  # session, user, scope, wards; neighbourhoods, so far, recent, per
# course, trend, course columns; course choices, userbar (2)


def _raw(neighbourhood, course):
    users = ResidentProfile.objects.filter(neighbourhood=neighbourhood).values("user")
    return {
        "registered": users.count(),
        "started": LessonProgress.objects.filter(
            user__in=users, lesson__path__startswith=course.path
        )
        .values("user")
        .distinct()
        .count(),
        "completed": CourseCompletion.objects.filter(user__in=users).count(),
        "certificates": Certificate.objects.filter(user__in=users).count(),
        "sessions": GroupSession.objects.filter(neighbourhood=neighbourhood).count(),
    }


def test_dashboard_numbers_equal_raw_counts(activity):
    dashboard = ward_dashboard(
        user=activity["officer"],
        ward=activity["ward"],
        date_from=activity["month_ago"],
        date_to=activity["today"],
    )
    by_name = {row.name: row for row in dashboard.rows}
    for key in ("n1", "n2"):
        row = by_name[activity[key].name]
        raw = _raw(activity[key], activity["course"])
        assert {name: getattr(row, name) for name in raw} == raw
    assert dashboard.total.registered == 3
    assert dashboard.total.completed == 1


def test_course_filter_and_period(activity, django_capture_on_commit_callbacks):
    from tests.learning.factories import make_course

    other, _lessons = make_course(lessons=1, slug="other")
    kwargs = {"user": activity["officer"], "ward": activity["ward"]}
    only_other = ward_dashboard(
        **kwargs,
        date_from=activity["month_ago"],
        date_to=activity["today"],
        course=other,
    )
    assert only_other.total.registered == 3  # registration belongs to no course
    assert only_other.total.started == only_other.total.completed == 0
    before = ward_dashboard(
        **kwargs, date_from=activity["month_ago"], date_to=activity["month_ago"]
    )
    assert before.total.registered == before.total.started == 0


def test_registered_share_of_adults(activity):
    activity["n1"].adult_population = 8
    activity["n1"].save()
    dashboard = ward_dashboard(
        user=activity["officer"],
        ward=activity["ward"],
        date_from=activity["month_ago"],
        date_to=activity["today"],
    )
    row = next(r for r in dashboard.rows if r.name == activity["n1"].name)
    assert row.registered_share == 25.0


def test_officer_sees_own_ward_only(client, activity):
    client.force_login(activity["officer"])
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert activity["n1"].name in content
    assert activity["ward"].name in content
    assert activity["other_ward"].name not in content
    # Asking for the other ward is not honoured: it is not a choice.
    response = client.get(URL, {"ward": activity["other_ward"].pk})
    assert response.status_code == 400
    assert activity["other_ward"].name not in response.content.decode()


def test_other_wards_officer_sees_none_of_this_ward(client, activity, make_staff):
    officer = make_staff(Role.OFFICER, ward=activity["other_ward"])
    client.force_login(officer)
    content = client.get(URL).content.decode()
    assert activity["other_ward"].name in content
    assert activity["ward"].name not in content
    rows = ward_dashboard(
        user=officer,
        ward=activity["ward"],
        date_from=activity["month_ago"],
        date_to=activity["today"],
    ).rows
    assert rows == []


def test_volunteer_sees_only_their_neighbourhoods(client, activity):
    client.force_login(activity["volunteer"])
    response = client.get(URL)
    assert response.status_code == 200
    assert [row.name for row in response.context["dashboard"].rows] == [
        activity["n1"].name
    ]


def test_city_admin_chooses_a_ward(client, activity, make_staff):
    admin = make_staff(Role.CITY_ADMIN)
    client.force_login(admin)
    response = client.get(URL, {"ward": activity["other_ward"].pk})
    assert response.status_code == 200
    assert [row.name for row in response.context["dashboard"].rows] == [
        activity["n3"].name
    ]
    assert response.context["dashboard"].total.started == 1


def test_resident_is_refused(client, activity):
    client.force_login(activity["residents"][0])
    assert client.get(URL).status_code == 403
    assert client.get(reverse("stats:export_csv")).status_code == 403


def test_anonymous_goes_to_login(client, activity):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get(reverse("stats:export_csv")).status_code == 302


def test_chart_and_table_show_the_same_numbers(client, activity):
    activity["n1"].adult_population = 8  # 2 of 8 registered: 25 %
    activity["n1"].save()
    activity["n2"].adult_population = 40  # 1 of 40: 2.5 %
    activity["n2"].save()
    client.force_login(activity["officer"])
    content = client.get(URL).content.decode()
    assert "<svg" in content
    assert "<table" in content
    assert "<script" not in content.split("<svg", 1)[1].split("</svg>", 1)[0]
    chart = content.split("<svg", 1)[1].split("</svg>", 1)[0]
    table = content.split('<table class="stats-table">', 1)[1].split("</table>", 1)[0]
    for key, share in (("n1", ("25,0", "25.0")), ("n2", ("2,5", "2.5"))):
        name = activity[key].name
        shown = re.search(re.escape(name) + r": ([0-9.,]+) %", chart)
        assert shown is not None and shown.group(1) in share, key
        row = table.split(name, 1)[1].split("</tr>", 1)[0]
        assert f"<td>{shown.group(1)}</td>" in row, key


RAW_TABLES = [
    model._meta.db_table
    for model in (LessonProgress, CourseCompletion, Certificate, QuizAttempt)
]


def test_dashboard_and_exports_read_no_raw_progress_table(client, activity):
    """Summary rows only: the raw progress tables grow with every lesson opened."""
    client.force_login(activity["officer"])
    for url in [URL, reverse("stats:export_csv"), reverse("stats:export_xlsx")]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        read = [
            table
            for table in RAW_TABLES
            for query in queries
            if f'"{table}"' in query["sql"]
        ]
        assert read == [], url


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_neighbourhoods(client, activity):
    client.force_login(activity["officer"])
    _queries(client)  # warm: session, site, caches
    few = _queries(client)
    for number in range(10, 30):
        NeighbourhoodFactory(ward=activity["ward"], number=number)
    many = _queries(client)
    assert few == many
    assert few == PINNED, few


def test_csv_export_neutralises_formulas(client, activity):
    activity["n1"].name = '=HYPERLINK("http://evil")'
    activity["n1"].save()
    client.force_login(activity["officer"])
    response = client.get(reverse("stats:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[0] for row in rows if row]
    assert '\'=HYPERLINK("http://evil")' in names
    assert not any(name.startswith("=") for name in names)
    n2 = next(row for row in rows if row and row[0] == activity["n2"].name)
    assert n2[2] == "1"  # registered


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1"])
def test_csv_safe_prefixes_formula_starts(value):
    assert spreadsheet_safe(value) == "'" + value


def test_csv_safe_leaves_plain_text():
    assert spreadsheet_safe("Tổ dân phố số 1") == "Tổ dân phố số 1"
    assert spreadsheet_safe(12) == 12  # numbers stay numbers


def test_staff_find_the_dashboard_in_the_menu(
    client, places, make_staff, make_resident
):
    from community.roles import Role

    officer = make_staff(Role.OFFICER, ward=places["ward"])
    client.force_login(officer)
    assert 'href="/stats/"' in client.get("/").content.decode()
    client.force_login(make_resident(places["n1"]))
    assert 'href="/stats/"' not in client.get("/").content.decode()


CITY = "/stats/city/"


def test_city_view_is_for_city_admins_only(client, activity, make_staff):
    for user in [activity["officer"], activity["volunteer"], activity["residents"][0]]:
        client.force_login(user)
        response = client.get(CITY)
        assert response.status_code == 403
        assert activity["other_ward"].name not in response.content.decode()
    client.logout()
    assert client.get(CITY).status_code == 302


def test_city_admin_sees_a_row_per_ward_and_the_city_total(
    client, activity, make_staff
):
    client.force_login(make_staff(Role.CITY_ADMIN))
    response = client.get(CITY)
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    rows = {row.name: row for row in dashboard.rows}
    assert set(rows) == {activity["ward"].name, activity["other_ward"].name}
    assert rows[activity["ward"].name].registered == 3
    assert rows[activity["other_ward"].name].registered == 1
    assert dashboard.total.registered == 4
    assert dashboard.total.started == 3
    content = response.content.decode()
    assert "<svg" in content and "<table" in content


def test_volunteer_exports_only_their_neighbourhoods(client, activity):
    client.force_login(activity["volunteer"])
    body = client.get(reverse("stats:export_csv")).content.decode("utf-8-sig")
    assert activity["n1"].name in body
    assert activity["n2"].name not in body
    assert client.get(CITY).status_code == 403


def test_resident_is_refused_everywhere(client, activity):
    client.force_login(activity["residents"][0])
    for name in ["dashboard", "city", "export_csv", "export_xlsx", "report_pdf"]:
        assert client.get(reverse(f"stats:{name}")).status_code == 403


@pytest.mark.parametrize("age", ["1", "2", "3", "4", "5", "6"])
def test_age_band_filter_values(client, activity, age):
    client.force_login(activity["officer"])
    response = client.get(URL, {"age": age})
    assert response.status_code == 200
    total = response.context["dashboard"].total
    # The residents of the fixture are born in 1965: band 2.
    assert total.registered == (3 if age == "2" else 0)


def test_unknown_age_band_is_refused(client, activity):
    client.force_login(activity["officer"])
    assert client.get(URL, {"age": "7"}).status_code == 400


def test_the_weakest_neighbourhood_is_marked_in_words(client, activity):
    activity["n1"].adult_population = 10  # 2 of 10 registered: 20 %
    activity["n1"].save()
    activity["n2"].adult_population = 100  # 1 of 100: 1 %
    activity["n2"].save()
    client.force_login(activity["officer"])
    response = client.get(URL)
    assert [row.name for row in response.context["dashboard"].weakest] == [
        activity["n2"].name
    ]
    content = response.content.decode()
    assert "stats-table__weak" in content
    chart = content.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert chart.index(activity["n2"].name) < chart.index(activity["n1"].name)


def test_city_view_query_count_does_not_grow_with_wards(client, activity, make_staff):
    from tests.community.factories import WardFactory

    client.force_login(make_staff(Role.CITY_ADMIN))
    client.get(CITY)
    with CaptureQueriesContext(connection) as few:
        client.get(CITY)
    for number in range(5):
        ward = WardFactory(name=f"Phường {number}")
        NeighbourhoodFactory(ward=ward, number=1)
    with CaptureQueriesContext(connection) as many:
        client.get(CITY)
    assert len(few) == len(many)
