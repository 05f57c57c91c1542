from django.core.management import call_command
from django.db.models import Sum

from stats.models import DailySummary
from stats.services import stats_rebuild


def _totals(**filters):
    return DailySummary.objects.filter(**filters).aggregate(
        registered=Sum("registered"),
        started=Sum("started"),
        completed=Sum("completed"),
        certificates=Sum("certificates"),
        sessions=Sum("sessions"),
    )


def test_announcements_keep_the_summaries_current(activity):
    n1 = _totals(neighbourhood=activity["n1"])
    # r1 finished the course (one start, one completion, one certificate); r2 started
    # two lessons but is one start for the course; one session.
    assert n1 == {
        "registered": 2,
        "started": 2,
        "completed": 1,
        "certificates": 1,
        "sessions": 1,
    }
    assert _totals(neighbourhood=activity["n2"])["registered"] == 1
    assert _totals(neighbourhood=activity["n2"])["started"] == 0
    n3 = _totals(neighbourhood=activity["n3"])
    assert (n3["registered"], n3["started"], n3["completed"]) == (1, 1, 0)


def test_registration_is_not_course_specific(activity):
    assert _totals(course__isnull=False)["registered"] in (None, 0)
    assert _totals(course=activity["course"])["started"] == 3


def test_rebuild_finds_no_drift_after_normal_activity(activity):
    assert stats_rebuild() == []


def test_rebuild_reports_and_fixes_tampering(activity, capsys):
    row = DailySummary.objects.get(neighbourhood=activity["n1"], course=None)
    DailySummary.objects.filter(pk=row.pk).update(registered=7)
    DailySummary.objects.filter(neighbourhood=activity["n3"]).delete()

    differences = stats_rebuild()

    assert any("registered stored 7, counted 2" in line for line in differences)
    assert any(
        f"neighbourhood {activity['n3'].pk}" in line and "started stored 0" in line
        for line in differences
    )
    assert _totals(neighbourhood=activity["n1"])["registered"] == 2
    assert _totals(neighbourhood=activity["n3"])["started"] == 1
    assert stats_rebuild() == []
    call_command("rebuild_stats")
    assert capsys.readouterr().out.strip() == "no difference"


def test_rebuild_command_prints_the_differences(activity, capsys):
    DailySummary.objects.filter(neighbourhood=activity["n2"]).update(registered=0)
    call_command("rebuild_stats")
    out = capsys.readouterr().out
    assert "registered stored 0, counted 1" in out
    assert "1 difference(s) fixed" in out


def test_a_resent_completion_without_its_row_counts_nothing(activity):
    from learning.signals import course_completed

    before = _totals()
    course_completed.send(
        sender=type(activity["course"]),
        user=activity["residents"][0],
        course=activity["course"],
        completion=None,
    )
    assert _totals() == before
