"""The workspace pages: home, rosters, a resident, enrolment, VNeID, sessions,
reminders; and the access decorators the other view modules share."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from community.access import (
    Change,
    can_change_resident,
    can_view_resident,
    changes_allowed,
    may_use_workspace,
    may_write_people,
    neighbourhoods_served_by,
    neighbourhoods_visible_to,
)
from community.models import AccessLogEntry, ResidentProfile

from .. import forms, selectors, services

Action = AccessLogEntry.Action
ROSTER_PAGE_SIZE = 25


def _refused(request):
    return render(request, "teams/refused.html", status=403)


def workspace(view):
    """Signed in, with a staff scope; officers may read (GET) but not write.

    Pages about people are never kept by browsers or proxies (shared phones)."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_use_workspace(request.user):
            return _refused(request)
        if request.method == "POST" and not may_write_people(request.user):
            return _refused(request)
        return view(request, *args, **kwargs)

    return wrapper


def writer(view):
    """Signed in as a volunteer or city admin: pages that exist only to write."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_write_people(request.user):
            return _refused(request)
        return view(request, *args, **kwargs)

    return wrapper


# --- Home, roster, one resident ------------------------------------------------------


@workspace
def home_view(request):
    return render(
        request,
        "teams/home.html",
        {
            "neighbourhoods": selectors.team_neighbourhoods(user=request.user),
            "may_write": may_write_people(request.user),
        },
    )


@workspace
def roster_view(request, neighbourhood_id: int):
    neighbourhood = get_object_or_404(
        neighbourhoods_visible_to(request.user), pk=neighbourhood_id
    )
    form = forms.RosterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.roster(
        user=request.user,
        neighbourhood=neighbourhood,
        query=filters.get("q") or "",
        status=filters.get("status") or "",
        course=filters.get("course"),
    )
    page = Paginator(profiles, ROSTER_PAGE_SIZE).get_page(request.GET.get("page"))
    courses = selectors.live_courses()
    query = request.GET.copy()
    query.pop("page", None)
    gone = selectors.roster_gone(user=request.user, neighbourhood=neighbourhood)
    services.staff_access_record(
        actor=request.user,
        action=Action.VIEWED,
        neighbourhood=neighbourhood,
        # What was asked is not logged (a search may be a name); that it was, is.
        detail="roster" + (", searched or filtered" if filters else ""),
        people=[p.user_id for p in page] + [p.user_id for p in gone],
    )
    return render(
        request,
        "teams/roster.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "page": page,
            "rows": selectors.roster_rows(profiles=list(page), courses=courses),
            "query_string": query.urlencode(),
            "may_write": may_write_people(request.user),
            "gone": gone,
        },
    )


@workspace
def resident_view(request, profile_id: int):
    profile = selectors.resident_for(user=request.user, profile_id=profile_id)
    if profile is None:
        raise Http404
    services.staff_access_record(
        actor=request.user, action=Action.VIEWED, profile=profile
    )
    may = changes_allowed(request.user, profile)
    return render(
        request,
        "teams/resident.html",
        {
            "file": selectors.resident_file(profile=profile),
            "profile": profile,
            "may": may,
            "vneid_form": forms.VneidConfirmForm(
                initial={"activated_on": timezone.localdate()}
            )
            if Change.RECORD in may
            else None,
        },
    )


@require_POST
@writer
def vneid_confirm_view(request, profile_id: int):
    profile = selectors.resident_for(user=request.user, profile_id=profile_id)
    if profile is None:
        raise Http404
    if not can_change_resident(request.user, profile):
        return _refused(request)
    form = forms.VneidConfirmForm(request.POST)
    if form.is_valid():
        services.vneid_confirm(
            volunteer=request.user,
            profile=profile,
            activated_on=form.cleaned_data["activated_on"],
        )
        messages.success(request, _("VNeID level 2 recorded as confirmed."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("teams:resident", profile_id=profile.pk)


# --- Enrolment ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@writer
def enrol_view(request):
    served = neighbourhoods_served_by(request.user)
    form = forms.EnrolForm(request.POST or None, neighbourhoods=served)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            profile = services.neighbour_enrol(
                volunteer=request.user,
                full_name=data["full_name"],
                birth_year=data["birth_year"],
                neighbourhood=data["neighbourhood"],
                phone=data["phone"],
            )
        except services.PhoneTaken as taken:
            form.add_error("phone", _phone_taken_message(request.user, taken.profile))
        except PermissionDenied:
            return _refused(request)
        else:
            messages.success(
                request,
                _("%(name)s is enrolled.") % {"name": profile.user.full_name},
            )
            return redirect("teams:resident", profile_id=profile.pk)
    return render(request, "teams/enrol.html", {"form": form})


def _phone_taken_message(user, profile: ResidentProfile | None):
    if profile is not None and can_view_resident(user, profile):
        return format_html(
            '{} <a href="{}">{}</a>',
            _("This phone number is already registered to someone you can see:"),
            reverse("teams:resident", kwargs={"profile_id": profile.pk}),
            profile.user.full_name,
        )
    return _(
        "This phone number is already registered to someone else. Please contact the "
        "ward office. If the neighbour shares a family phone, leave the number empty."
    )


# --- VNeID: the resident's own declaration --------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def vneid_declare_view(request):
    """Any signed-in person says they activated VNeID level 2 (not the official
    count: a volunteer confirms)."""
    record = getattr(request.user, "vneid_level2", None)
    form = forms.VneidDeclareForm(
        request.POST or None, initial={"activated_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        services.vneid_declare(
            user=request.user, activated_on=form.cleaned_data["activated_on"]
        )
        messages.success(
            request,
            _("Thank you. A volunteer will confirm it when you next meet."),
        )
        return redirect("teams:vneid_declare")
    return render(request, "teams/vneid_declare.html", {"form": form, "record": record})


# --- Group sessions -----------------------------------------------------------------


@workspace
def sessions_view(request):
    sessions = selectors.sessions_visible_to(user=request.user)
    page = Paginator(sessions, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "teams/sessions.html",
        {"page": page, "may_write": may_write_people(request.user)},
    )


@require_http_methods(["GET", "POST"])
@writer
def session_new_view(request):
    served = list(neighbourhoods_served_by(request.user))
    chosen = request.POST.get("neighbourhood") or request.GET.get("neighbourhood")
    neighbourhood = next((n for n in served if str(n.pk) == chosen), None)
    if neighbourhood is None and len(served) == 1:
        neighbourhood = served[0]
    if neighbourhood is None:
        return render(request, "teams/session_pick.html", {"neighbourhoods": served})
    form = forms.SessionForm(
        request.POST or None,
        attendee_choices=selectors.session_attendee_choices(
            user=request.user, neighbourhood=neighbourhood
        ),
        initial={"held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.session_log(
                volunteer=request.user,
                date=data["held_on"],
                place=data["place"],
                course=data["course"],
                neighbourhood=neighbourhood,
                attendees=[p.user for p in data["attendees"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session is logged."))
            return redirect("teams:sessions")
    return render(
        request,
        "teams/session_new.html",
        {"form": form, "neighbourhood": neighbourhood},
    )


# --- Nudges -------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@writer
def nudges_view(request):
    served = neighbourhoods_served_by(request.user)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = forms.NudgeForm(data, neighbourhoods=served)
    context = {"form": form}
    if form.is_valid():
        neighbourhood = form.cleaned_data["neighbourhood"]
        days = form.cleaned_data["days"]
        profiles = selectors.reminder_recipients(
            user=request.user, neighbourhood=neighbourhood
        )
        if request.method == "POST":
            result = services.nudge_send(
                volunteer=request.user, residents=profiles, days=days
            )
            messages.success(
                request,
                _(
                    "Reminders sent: %(sent)d. Not sent (recently active, reminded "
                    "this week, or no phone): %(skipped)d. Failed: %(failed)d."
                )
                % {
                    "sent": result.sent,
                    "skipped": result.skipped,
                    "failed": result.failed,
                },
            )
            context["result"] = result
        else:
            context["candidates"] = selectors.nudge_candidates(
                profiles=profiles, days=days
            ).count()
    return render(request, "teams/nudges.html", context)


# --- Imports ------------------------------------------------------------------------
