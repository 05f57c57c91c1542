"""The benchmark city generator on a tiny city: coherent data, uneven, refused twice.

Timings are not asserted here (STYLE.md §7): `bench/bench_stats.py` reports them.
What is tested is that the data the benchmarks measure is sound: the dashboard shows
the raw counts for it, which is what `bench_stats.py` also checks at full size.
"""

from datetime import timedelta

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from bench.bench_stats import naive_figures, page_figures
from bench.gen_city import CITY, WEEKS, city_exists, city_generate, city_wipe
from certificates.codes import code_parse
from certificates.models import Certificate
from community.models import Neighbourhood, ResidentProfile, Ward
from learning.models import CourseCompletion, LessonProgress
from stats.services import stats_rebuild
from teams.models import GroupSession, VneidLevel2

pytestmark = pytest.mark.django_db
RESIDENTS = 600


def _quiet(_message):
    pass


@pytest.fixture
def city():
    return city_generate(residents=RESIDENTS, seed=11, log=_quiet)


def test_city_has_the_asked_size_and_sound_rows(city):
    assert Ward.objects.filter(city=CITY).count() == 3
    assert Neighbourhood.objects.filter(ward__city=CITY).count() == 60
    profiles = ResidentProfile.objects.filter(neighbourhood__ward__city=CITY)
    assert profiles.count() == RESIDENTS
    assert all(
        n.adult_population > n.residents.count()
        for n in Neighbourhood.objects.filter(ward__city=CITY)
    )
    progress = LessonProgress.objects.count()
    assert 6 * RESIDENTS < progress < 16 * RESIDENTS  # ~2,000,000 for 200,000
    assert city.counts["lesson progress"] == progress

    now = timezone.now()
    first = timezone.localdate() - timedelta(weeks=WEEKS)
    assert not LessonProgress.objects.filter(
        Q(started_at__gt=now) | Q(completed_at__gt=now)
    ).exists()
    assert not LessonProgress.objects.filter(
        completed_at__lt=timezone.now() - timedelta(weeks=WEEKS + 1)
    ).exists()
    days = {timezone.localtime(p.created_at).date() for p in profiles}
    assert min(days) >= first and len({(d - first).days // 7 for d in days}) >= 20

    # Every completion has its certificate, with a valid, unique public code.
    completions = CourseCompletion.objects.count()
    assert completions > 0
    codes = list(Certificate.objects.values_list("code", flat=True))
    assert len(codes) == completions == len(set(codes))
    assert all(code_parse(code) == code for code in codes)
    assert VneidLevel2.objects.exists() and GroupSession.objects.exists()


def test_city_is_uneven_and_its_dashboard_equals_the_raw_rows(city, client):
    share = {
        (n.ward.name, n.number): n.people / n.adult_population
        for n in Neighbourhood.objects.filter(ward__city=CITY)
        .select_related("ward")
        .annotate(people=Count("residents"))
    }
    ward = Ward.objects.get(pk=city.ward_ids[0])
    # Tổ 7 and 15 of the first ward lag behind tổ 3, which leads.
    assert share[(ward.name, 7)] * 3 < share[(ward.name, 3)]
    assert share[(ward.name, 15)] * 3 < share[(ward.name, 3)]

    assert stats_rebuild() == []  # the generator left the summary rows current
    client.force_login(ward.role_assignments.get(role="officer").user)
    today = timezone.localdate()
    response = client.get(
        f"/stats/?ward={ward.pk}&date_from={today - timedelta(weeks=WEEKS)}"
        f"&date_to={today}"
    )
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert page_figures(dashboard) == naive_figures(
        ward_id=ward.pk, date_from=dashboard.date_from, date_to=dashboard.date_to
    )
    assert dashboard.total.registered > RESIDENTS / 5


def test_an_existing_city_is_refused_then_wiped(city):
    with pytest.raises(SystemExit):
        city_generate(residents=RESIDENTS, log=_quiet)
    city_wipe(log=_quiet)
    assert not city_exists()
    assert not ResidentProfile.objects.exists()
    assert not LessonProgress.objects.exists()
    assert not Certificate.objects.exists()
    assert not GroupSession.objects.exists()
