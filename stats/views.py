"""HTTP for the movement statistics at /stats/: parse, call one selector, render.

Officers see their ward, city admins any ward (chosen) and the city view,
volunteers their neighbourhoods; everyone else is refused. The exports take the
page's query string; `city=1` exports the city view (city admins only).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import exports, selectors
from .charts import bar_chart, trend_chart
from .exports import filters_of, table_of
from .forms import DashboardFilterForm


def stats_access(view):
    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_see_stats(request.user):
            return render(request, "stats/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _filters(request):
    """The bound filter form (defaults filled in) and the wards the user may pick."""
    wards = selectors.stats_wards_for(request.user)
    form = DashboardFilterForm(request.GET, wards=wards)
    form.is_valid()
    return form, list(wards)


def _dashboard(request, *, city: bool = False):
    form, wards = _filters(request)
    if form.errors:
        return form, wards, None
    data = form.cleaned_data
    kwargs = {
        "date_from": data["date_from"],
        "date_to": data["date_to"],
        "course": data.get("course"),
        "birth_cohort": data.get("age"),
    }
    if city:
        return form, wards, selectors.city_dashboard(request.user, **kwargs)
    ward = data.get("ward") or (wards[0] if wards else None)
    return form, wards, selectors.ward_dashboard(request.user, ward, **kwargs)


def _title(dashboard, city: bool) -> str:
    if city:
        return _("Movement statistics – all wards")
    if dashboard.ward is not None:
        return _("Movement statistics – %(ward)s") % {"ward": dashboard.ward.name}
    return _("Movement statistics – my neighbourhoods")


def _first_column(city: bool) -> str:
    return _("Ward") if city else _("Neighbourhood")


def _page(request, *, city: bool):
    form, wards, dashboard = _dashboard(request, city=city)
    context = {"form": form, "wards": wards, "dashboard": dashboard, "city": city}
    if dashboard is not None:
        context |= {
            "title": _title(dashboard, city),
            "filters": filters_of(dashboard),
            "table": table_of(dashboard, first_column=_first_column(city)),
            "chart": bar_chart(dashboard),
            "trend": trend_chart(dashboard.trend),
            "query": request.GET.urlencode(),
            "may_see_city": selectors.may_see_city(request.user),
        }
    return render(
        request,
        "stats/dashboard.html",
        context,
        status=200 if dashboard is not None else 400,
    )


@stats_access
def dashboard_view(request):
    return _page(request, city=False)


@stats_access
def city_view(request):
    if not selectors.may_see_city(request.user):
        return render(request, "stats/refused.html", status=403)
    return _page(request, city=True)


def _export(request, render_export, content_type: str, extension: str):
    city = request.GET.get("city") == "1"
    if city and not selectors.may_see_city(request.user):
        return render(request, "stats/refused.html", status=403)
    form, _wards, dashboard = _dashboard(request, city=city)
    if dashboard is None:
        return HttpResponse(
            " ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    body = render_export(
        dashboard, title=_title(dashboard, city), first_column=_first_column(city)
    )
    response = HttpResponse(body, content_type=content_type)
    name = f"stats-{dashboard.date_from}-{dashboard.date_to}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@stats_access
def export_csv_view(request):
    return _export(request, exports.export_csv, "text/csv; charset=utf-8", "csv")


@stats_access
def export_xlsx_view(request):
    return _export(
        request,
        exports.export_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    )


@stats_access
def report_pdf_view(request):
    return _export(request, exports.report_pdf, "application/pdf", "pdf")
