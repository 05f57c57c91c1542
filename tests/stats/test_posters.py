"""A poster printed for a neighbourhood: its visits count there on the dashboard."""

from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from cms.models import Poster
from community.roles import Role
from stats.models import DailySummary
from stats.selectors import ward_dashboard
from stats.services import stats_rebuild
from tests.learning.factories import make_course


def test_editor_prints_a_poster_for_a_neighbourhood_and_its_visits_count_there(
    client, places, make_staff, django_capture_on_commit_callbacks
):
    course, _lessons = make_course(lessons=1, slug="vneid")
    editor = make_staff(Role.EDITOR)
    client.force_login(editor)
    assert (
        f"/admin/posters/{course.pk}/print/"
        in client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    )
    form = client.get(f"/admin/posters/{course.pk}/print/")
    assert form.status_code == 200
    assert places["n2"].name in form.content.decode()

    response = client.post(
        f"/admin/posters/{course.pk}/print/",
        {"size": "A4", "neighbourhood": places["n2"].pk},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    poster = Poster.objects.get()
    assert poster.neighbourhood == places["n2"]
    assert (
        client.post(
            f"/admin/posters/{course.pk}/print/", {"size": "A4", "neighbourhood": "x"}
        ).status_code
        == 404
    )

    for _phone in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            Client().get(f"{course.url}?p={poster.code}")
    visits = DailySummary.objects.filter(neighbourhood=places["n2"]).aggregate(
        n=Sum("poster_visits")
    )["n"]
    assert visits == 3
    dashboard = ward_dashboard(
        make_staff(Role.OFFICER, ward=places["ward"]),
        places["ward"],
        timezone.localdate(),
        timezone.localdate(),
    )
    by_name = {row.name: row for row in dashboard.rows}
    assert by_name[places["n2"].name].poster_visits == 3
    assert by_name[places["n1"].name].poster_visits == 0
    assert stats_rebuild() == []


def test_a_poster_without_a_neighbourhood_counts_in_none(
    client, places, make_staff, django_capture_on_commit_callbacks
):
    course, _lessons = make_course(lessons=1, slug="vneid")
    client.force_login(make_staff(Role.EDITOR))
    client.post(f"/admin/posters/{course.pk}/print/", {"size": "A3"})
    poster = Poster.objects.get()
    assert poster.neighbourhood is None and poster.size == "A3"
    with django_capture_on_commit_callbacks(execute=True):
        Client().get(f"{course.url}?p={poster.code}")
    assert not DailySummary.objects.filter(poster_visits__gt=0).exists()
    assert Poster.objects.get().visits == 1


def test_only_admin_users_print_posters(client, places, make_staff):
    course, _lessons = make_course(lessons=1, slug="vneid")
    client.force_login(make_staff(Role.OFFICER, ward=places["ward"]))
    response = client.post(f"/admin/posters/{course.pk}/print/", {"size": "A4"})
    assert response.status_code in (302, 403)
    assert not Poster.objects.exists()
