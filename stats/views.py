"""HTTP for the movement statistics at /stats/: parse, call one selector, render.

Officers see their ward, city admins any ward (chosen), volunteers their
neighbourhoods; everyone else is refused.
"""

import csv
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import selectors
from .forms import DashboardFilterForm

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def stats_access(view):
    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_see_stats(request.user):
            return render(request, "stats/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _dashboard(request):
    wards = selectors.stats_wards_for(request.user)
    ward_list = list(wards)
    form = DashboardFilterForm(request.GET or None, wards=wards)
    if request.GET and not form.is_valid():
        return form, ward_list, None, None
    if not form.is_bound:
        form = DashboardFilterForm({}, wards=wards)
        form.is_valid()
    data = form.cleaned_data
    ward = data.get("ward") or (ward_list[0] if ward_list else None)
    dashboard = selectors.ward_dashboard(
        user=request.user,
        ward=ward,
        date_from=data["date_from"],
        date_to=data["date_to"],
        course=data.get("course"),
    )
    return form, ward_list, ward, dashboard


@stats_access
def dashboard_view(request):
    form, wards, ward, dashboard = _dashboard(request)
    return render(
        request,
        "stats/dashboard.html",
        {
            "form": form,
            "wards": wards,
            "ward": ward,
            "dashboard": dashboard,
            "query": request.GET.urlencode(),
        },
        status=200 if dashboard is not None else 400,
    )


def csv_safe(value) -> str:
    """A cell a spreadsheet will show, never run: formulas get a leading quote."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@stats_access
def export_csv_view(request):
    form, _wards, ward, dashboard = _dashboard(request)
    if dashboard is None:
        return HttpResponse(status=400)
    data = form.cleaned_data
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="stats-{data["date_from"]}-{data["date_to"]}.csv"'
    )
    response.write("\ufeff")  # Excel reads the diacritics as UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Ward"), csv_safe(ward.name) if ward else ""])
    writer.writerow([_("Period"), data["date_from"], data["date_to"]])
    writer.writerow([_("Produced on"), timezone.localdate()])
    header = [
        _("Neighbourhood"),
        _("Adult population"),
        _("Registered"),
        _("Registered, share of adults (%)"),
        _("Started"),
        _("Completed"),
        _("Certificates"),
        _("Group sessions"),
    ]
    writer.writerow(header)
    total = dashboard.total
    total.name = _("Total")
    for row in [*dashboard.rows, total]:
        writer.writerow(
            [
                csv_safe(row.name),
                row.adult_population,
                row.registered,
                "" if row.registered_share is None else row.registered_share,
                row.started,
                row.completed,
                row.certificates,
                row.sessions,
            ]
        )
    return response
