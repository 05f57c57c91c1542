"""The roster: search ignoring diacritics and case, status filters, pinned queries."""

import pytest
from django.urls import reverse

from community.models import ResidentProfile
from learning.services import lesson_complete, lesson_start
from tests.learning.factories import make_course

from .factories import login


@pytest.fixture
def course(db):
    return make_course(lessons=2, slug="vneid")


def _names(response) -> list[str]:
    return [row.user.full_name for row in response.context["rows"]]


def _roster(client, team, **params):
    url = reverse("teams:roster", args=[team["n1"].pk])
    response = client.get(url, params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    "query", ["nguyen van an", "NGUYEN VAN AN", "Nguyễn Văn An", "van an", "  an "]
)
def test_search_by_name_ignores_diacritics_and_case(client, team, make_resident, query):
    make_resident(team["n1"], full_name="Đặng Thị Hoa")
    login(client, team["volunteer"])
    names = _names(_roster(client, team, q=query))
    assert "Nguyễn Văn An" in names
    assert "Đặng Thị Hoa" not in names


def test_search_d_with_stroke(client, team, make_resident):
    make_resident(team["n1"], full_name="Đặng Thị Hoa")
    login(client, team["volunteer"])
    assert _names(_roster(client, team, q="dang thi")) == ["Đặng Thị Hoa"]


@pytest.mark.parametrize(
    "query", ["0912345678", "0912 345 678", "+84 912 345 678", "345 678"]
)
def test_search_by_phone_as_people_write_it(client, team, make_resident, query):
    make_resident(team["n1"], full_name="Lý Thị Sen", phone="+84912345678")
    login(client, team["volunteer"])
    assert _names(_roster(client, team, q=query)) == ["Lý Thị Sen"]


def test_search_never_finds_people_of_other_neighbourhoods(client, team):
    login(client, team["volunteer"])
    assert _names(_roster(client, team, q="do thi dao")) == []
    assert _names(_roster(client, team, q="hoang van cuong")) == []


def test_renamed_resident_is_found_by_the_new_name(
    client, team, django_capture_on_commit_callbacks
):
    """The correction is announced (`resident_updated`); the search key follows."""
    profile = team["r1"].resident_profile
    login(client, team["volunteer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("teams:resident_details", args=[profile.pk]),
            {"full_name": "Trần  Văn Ánh", "birth_year": "1961"},
        )
    assert response.status_code == 302
    assert _names(_roster(client, team, q="tran van anh")) == ["Trần Văn Ánh"]
    assert _names(_roster(client, team, q="nguyen")) == []


def test_status_filter_and_per_course_progress(client, team, make_resident, course):
    page, (first, second) = course
    learner = make_resident(team["n1"], full_name="Bùi Văn Học")
    finisher = make_resident(team["n1"], full_name="Cao Thị Xong")
    lesson_start(user=learner, lesson=first)
    lesson_complete(user=finisher, lesson=first)
    lesson_complete(user=finisher, lesson=second)
    login(client, team["volunteer"])

    assert _names(_roster(client, team, status="not_started")) == ["Nguyễn Văn An"]
    assert _names(_roster(client, team, status="learning")) == ["Bùi Văn Học"]
    assert _names(_roster(client, team, status="completed")) == ["Cao Thị Xong"]
    filtered = _roster(client, team, status="learning", course=page.pk)
    assert _names(filtered) == ["Bùi Văn Học"]

    rows = {r.user.full_name: r for r in _roster(client, team).context["rows"]}
    assert [c.status for c in rows["Bùi Văn Học"].courses] == ["learning"]
    assert [c.status for c in rows["Cao Thị Xong"].courses] == ["completed"]
    assert [c.status for c in rows["Nguyễn Văn An"].courses] == ["not_started"]
    assert rows["Bùi Văn Học"].last_activity is not None
    assert rows["Nguyễn Văn An"].last_activity is None


def test_roster_is_paginated(client, team, make_resident):
    for n in range(30):
        make_resident(team["n1"], full_name=f"Phan Văn {n:02d}")
    login(client, team["volunteer"])
    first = _roster(client, team, q="phan van")
    assert len(first.context["rows"]) == 25
    assert first.context["page"].paginator.count == 30
    second = _roster(client, team, q="phan van", page=2)
    assert len(second.context["rows"]) == 5
    assert "q=phan+van" in second.text


def _queries(client, team, assert_max, limit, **params):
    with assert_max(limit) as captured:
        _roster(client, team, **params)
    return len(captured)


def test_roster_queries_do_not_grow_with_the_roster(
    client, team, make_resident, course, django_assert_max_num_queries
):
    page, (first, _second) = course
    filtered = {"q": "vu van", "status": "learning", "course": page.pk}
    lesson_start(user=make_resident(team["n1"], full_name="Vũ Văn Một"), lesson=first)
    login(client, team["volunteer"])
    # Two of them log the page in the access log, with the people shown (#16).
    small = _queries(client, team, django_assert_max_num_queries, 16)
    small_filtered = _queries(
        client, team, django_assert_max_num_queries, 18, **filtered
    )
    for n in range(30):
        person = make_resident(team["n1"], full_name=f"Vũ Văn {n:02d}")
        lesson_start(user=person, lesson=first)
    assert _queries(client, team, django_assert_max_num_queries, 16) == small
    large_filtered = _queries(
        client, team, django_assert_max_num_queries, 18, **filtered
    )
    assert large_filtered == small_filtered
    assert len(_roster(client, team, **filtered).context["rows"]) == 25


def test_resident_page_queries_are_pinned(
    client, team, course, django_assert_max_num_queries
):
    page, (first, second) = course
    lesson_complete(user=team["r1"], lesson=first)
    login(client, team["volunteer"])
    url = reverse("teams:resident", args=[team["r1"].resident_profile.pk])
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
    assert "Nguyễn Văn An" in response.text
    assert page.title in response.text


def test_residents_no_longer_here_leave_roster_search_and_counts(
    client, team, make_resident
):
    gone = make_resident(team["n1"], full_name="Phan Văn Đi")
    ResidentProfile.objects.filter(user=gone).update(
        status=ResidentProfile.Status.DECEASED
    )
    login(client, team["volunteer"])
    response = _roster(client, team)
    assert _names(response) == ["Nguyễn Văn An"]
    assert [p.user.full_name for p in response.context["gone"]] == ["Phan Văn Đi"]
    assert _names(_roster(client, team, q="phan van di")) == []
    home = client.get(reverse("teams:home"))
    counts = {n.pk: n.resident_count for n in home.context["neighbourhoods"]}
    assert counts[team["n1"].pk] == 1
    session = client.get(reverse("teams:session_new"))
    choices = session.context["form"].fields["attendees"].queryset
    assert gone.resident_profile not in list(choices)
