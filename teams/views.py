"""HTTP for the volunteers' workspace at /team/: parse, call one service or selector,
render.

Who may enter: volunteers, officers and city admins (`may_use_workspace`). Pages that
write (`may_write`) refuse officers, who only read. Anyone asking for a person or an
import they may not see gets a 404, the same as for an id that does not exist.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from certificates.pdf import certificates_render_pdf
from certificates.selectors import certificate_content
from community import services as services_community
from community.access import (
    can_change_resident,
    can_view_resident,
    neighbourhoods_visible_to,
    residents_visible_to,
)
from community.models import AccessLogEntry, ResidentProfile

from . import cards, exports, forms, importing, selectors, services
from .models import ImportJob

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
        if not selectors.may_use_workspace(request.user):
            return _refused(request)
        if request.method == "POST" and not selectors.may_write(request.user):
            return _refused(request)
        return view(request, *args, **kwargs)

    return wrapper


def writer(view):
    """Signed in as a volunteer or city admin: pages that exist only to write."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_write(request.user):
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
            "may_write": selectors.may_write(request.user),
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
    return render(
        request,
        "teams/roster.html",
        {
            "neighbourhood": neighbourhood,
            "form": form,
            "page": page,
            "rows": selectors.roster_rows(profiles=list(page), courses=courses),
            "query_string": query.urlencode(),
            "may_write": selectors.may_write(request.user),
            "gone": selectors.roster_gone(
                user=request.user, neighbourhood=neighbourhood
            ),
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
    may_change = can_change_resident(request.user, profile)
    return render(
        request,
        "teams/resident.html",
        {
            "file": selectors.resident_file(profile=profile),
            "profile": profile,
            "may_change": may_change,
            "vneid_form": forms.VneidConfirmForm(
                initial={"activated_on": timezone.localdate()}
            )
            if may_change
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
    served = selectors.neighbourhoods_served_by(request.user)
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
        {"page": page, "may_write": selectors.may_write(request.user)},
    )


@require_http_methods(["GET", "POST"])
@writer
def session_new_view(request):
    served = list(selectors.neighbourhoods_served_by(request.user))
    chosen = request.POST.get("neighbourhood") or request.GET.get("neighbourhood")
    neighbourhood = next((n for n in served if str(n.pk) == chosen), None)
    if neighbourhood is None and len(served) == 1:
        neighbourhood = served[0]
    if neighbourhood is None:
        return render(request, "teams/session_pick.html", {"neighbourhoods": served})
    attendee_choices = (
        residents_visible_to(request.user)
        .filter(neighbourhood=neighbourhood, status=ResidentProfile.Status.ACTIVE)
        .order_by("user__full_name", "pk")
    )
    form = forms.SessionForm(
        request.POST or None,
        attendee_choices=attendee_choices,
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
    served = selectors.neighbourhoods_served_by(request.user)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = forms.NudgeForm(data, neighbourhoods=served)
    context = {"form": form}
    if form.is_valid():
        neighbourhood = form.cleaned_data["neighbourhood"]
        days = form.cleaned_data["days"]
        profiles = residents_visible_to(request.user).filter(
            neighbourhood=neighbourhood
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


@require_http_methods(["GET", "POST"])
@writer
def import_upload_view(request):
    served = selectors.neighbourhoods_served_by(request.user)
    form = forms.ImportUploadForm(
        request.POST or None, request.FILES or None, neighbourhoods=served
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.import_job_create(
            uploaded_by=request.user,
            ward=form.cleaned_data["ward"],
            neighbourhood=form.cleaned_data["neighbourhood"],
            filename=upload.name,
            data=upload.read(),
        )
        return redirect("teams:import_job", job_id=job.pk)
    jobs = selectors.import_jobs_of(user=request.user)[:10]
    return render(request, "teams/import_upload.html", {"form": form, "jobs": jobs})


@require_http_methods(["GET", "POST"])
@writer
def import_job_view(request, job_id: int):
    job = get_object_or_404(selectors.import_jobs_of(user=request.user), pk=job_id)
    context = {"job": importing.job_progress(job)}
    if job.status == ImportJob.Status.UPLOADED:
        form = forms.ImportConfirmForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.import_job_confirm(
                    job=job, mode=form.cleaned_data["mode"], confirmed_by=request.user
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect("teams:import_job", job_id=job.pk)
        context["form"] = form
        try:
            context["preview"] = importing.job_preview(job=job)
        except importing.ImportFileError as error:
            context["file_error"] = str(error)
    elif request.method == "POST":
        return redirect("teams:import_job", job_id=job.pk)
    return render(request, "teams/import_job.html", context)


# --- Sign-in cards -------------------------------------------------------------------


@require_POST
@writer
def card_print_view(request, profile_id: int):
    """A new sign-in card for one resident, as a PDF; their older cards stop working.

    POST only: printing a card changes which card works.
    """
    profile = selectors.resident_for(user=request.user, profile_id=profile_id)
    if profile is None or not can_change_resident(request.user, profile):
        raise Http404
    if profile.status == ResidentProfile.Status.WITHDRAWN:
        raise Http404
    layout = request.POST.get("layout", "a6")
    if layout not in cards.LAYOUTS:
        layout = "a6"
    contents = cards.cards_issue(profiles=[profile], issued_by=request.user)
    response = HttpResponse(
        cards.cards_render_pdf(contents, layout=layout), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="the-dang-nhap-{profile.pk}.pdf"'
    )
    return response


# --- Certificates to hand out ---------------------------------------------------------


@workspace
def certificates_handout_view(request, neighbourhood_id: int):
    """One PDF with the neighbourhood's new certificates, to print and bring."""
    neighbourhood = get_object_or_404(
        neighbourhoods_visible_to(request.user), pk=neighbourhood_id
    )
    certificates = list(
        selectors.certificates_to_hand_out(
            user=request.user, neighbourhood=neighbourhood
        )
    )
    if not certificates:
        messages.info(
            request, _("No new certificate in this neighbourhood in the last 30 days.")
        )
        return redirect("teams:roster", neighbourhood_id=neighbourhood.pk)
    pdf = certificates_render_pdf(
        [certificate_content(certificate=c) for c in certificates]
    )
    services.staff_access_record(
        actor=request.user,
        action=Action.EXPORTED,
        neighbourhood=neighbourhood,
        detail=f"certificates to hand out (PDF, {len(certificates)})",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="giay-chung-nhan-to-{neighbourhood.number}.pdf"'
    )
    return response


# --- Roster export ------------------------------------------------------------------


@workspace
def roster_export_view(request, neighbourhood_id: int, fmt: str):
    """The neighbourhood's active residents with their progress, as CSV or Excel.

    Officers may export too (they read names in their ward); every export is logged.
    """
    neighbourhood = get_object_or_404(
        neighbourhoods_visible_to(request.user), pk=neighbourhood_id
    )
    courses = selectors.live_courses()
    table = exports.roster_table(
        rows=selectors.roster_export_rows(
            user=request.user, neighbourhood=neighbourhood, courses=courses
        ),
        courses=courses,
    )
    if fmt == "xlsx":
        content = exports.roster_xlsx(table)
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        content = exports.roster_csv(table)
        content_type = "text/csv; charset=utf-8"
    services.staff_access_record(
        actor=request.user,
        action=Action.EXPORTED,
        neighbourhood=neighbourhood,
        detail=f"roster ({fmt.upper()})",
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="danh-sach-to-{neighbourhood.number}.{fmt}"'
    )
    return response


# --- Care of a resident's record (issue #9) -------------------------------------------


def _changeable(request, profile_id: int) -> ResidentProfile:
    """The resident, if the user may change them: else 404 (not visible, or their
    data was erased: nothing is left to change) or 403."""
    profile = selectors.resident_for(user=request.user, profile_id=profile_id)
    if profile is None or profile.status == ResidentProfile.Status.WITHDRAWN:
        raise Http404
    if not can_change_resident(request.user, profile):
        raise PermissionDenied
    return profile


def _care_page(request, profile, form, **extra):
    return render(
        request, "teams/care_form.html", {"profile": profile, "form": form, **extra}
    )


def care_view(view):
    """A page that changes one resident: volunteers of their neighbourhood and city
    admins; officers are refused (read-only), others get a 404."""

    @require_http_methods(["GET", "POST"])
    @writer
    @wraps(view)
    def wrapper(request, profile_id: int, *args, **kwargs):
        try:
            profile = _changeable(request, profile_id)
        except PermissionDenied:
            return _refused(request)
        return view(request, profile, *args, **kwargs)

    return wrapper


@care_view
def resident_details_view(request, profile):
    user = profile.user
    form = forms.ResidentDetailsForm(
        request.POST or None,
        initial={"full_name": user.full_name, "birth_year": user.birth_year},
    )
    if request.method == "POST" and form.is_valid():
        services_community.resident_details_update(
            profile=profile,
            full_name=form.cleaned_data["full_name"],
            birth_year=form.cleaned_data["birth_year"],
            by=request.user,
        )
        messages.success(request, _("The details are corrected."))
        return redirect("teams:resident", profile_id=profile.pk)
    return _care_page(
        request,
        profile,
        form,
        heading=_("Correct name and year of birth"),
        submit=_("Save the correction"),
    )


@care_view
def resident_move_view(request, profile):
    form = forms.ResidentMoveForm(
        request.POST or None, neighbourhoods=selectors.move_choices(profile=profile)
    )
    if request.method == "POST" and form.is_valid():
        old = profile.neighbourhood
        new = form.cleaned_data["neighbourhood"]
        services_community.resident_move(
            profile=profile, neighbourhood=new, by=request.user
        )
        messages.success(
            request,
            _("%(name)s now belongs to %(neighbourhood)s.")
            % {"name": profile.user.full_name, "neighbourhood": new.name},
        )
        if can_view_resident(request.user, profile):
            return redirect("teams:resident", profile_id=profile.pk)
        return redirect("teams:roster", neighbourhood_id=old.pk)
    return _care_page(
        request,
        profile,
        form,
        heading=_("Move to another neighbourhood"),
        intro=_(
            "Afterwards the volunteers of the new neighbourhood look after this "
            "person; if you do not serve it, you will no longer see them."
        ),
        submit=_("Move"),
    )


@care_view
def resident_phone_view(request, profile):
    form = forms.ResidentPhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_community.resident_phone_change(
                profile=profile,
                phone=form.cleaned_data["phone"],
                by=request.user,
                seen_in_person=form.cleaned_data["seen"],
            )
        except ValidationError as error:
            form.add_error("phone", error)
        else:
            messages.success(request, _("The new phone number is recorded."))
            return redirect("teams:resident", profile_id=profile.pk)
    return _care_page(
        request,
        profile,
        form,
        heading=_("New phone number after a lost SIM"),
        intro=_(
            "Only with the person in front of you, after checking their ID card. "
            "They will be signed out on every device."
        ),
        submit=_("Record the new number"),
    )


@care_view
def resident_gone_view(request, profile):
    form = forms.ResidentGoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_community.resident_mark_gone(
                profile=profile,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s is no longer on the roster and gets no reminders.")
                % {"name": profile.user.full_name},
            )
            return redirect("teams:roster", neighbourhood_id=profile.neighbourhood_id)
    return _care_page(
        request,
        profile,
        form,
        heading=_("Moved away or passed away"),
        intro=_(
            "The person leaves the roster and the reminders; the statistics count "
            "them as such. Their learning records are kept."
        ),
        submit=_("Record"),
    )


@care_view
def resident_erase_view(request, profile):
    form = forms.ResidentEraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        neighbourhood_id = profile.neighbourhood_id
        try:
            services_community.resident_erase(
                profile=profile, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The resident's personal data has been erased.")
            )
            return redirect("teams:roster", neighbourhood_id=neighbourhood_id)
    return _care_page(
        request,
        profile,
        form,
        heading=_("Erase on the resident's request"),
        intro=_(
            "When a resident asks aloud or on paper to withdraw their consent. Their "
            "name, phone number and year of birth are erased for good, their "
            "certificates are withdrawn; their learning is kept without a name, for "
            "the statistics. This cannot be undone."
        ),
        submit=_("Erase the personal data"),
        danger=True,
    )


@care_view
def resident_merge_search_view(request, profile):
    form = forms.MergeSearchForm(request.GET or None)
    candidates = None
    if form.is_valid():
        candidates = selectors.merge_candidates(
            user=request.user, profile=profile, query=form.cleaned_data["q"]
        )
    return render(
        request,
        "teams/merge_search.html",
        {"profile": profile, "form": form, "candidates": candidates},
    )


@care_view
def resident_merge_view(request, profile, other_id: int):
    try:
        other = _changeable(request, other_id)
    except PermissionDenied:
        raise Http404 from None
    if other.pk == profile.pk:
        raise Http404
    pair = [profile, other]
    form = forms.MergeConfirmForm(request.POST or None, profiles=pair)
    if request.method == "POST" and form.is_valid():
        keeper = other if form.cleaned_data["keep"] == str(other.pk) else profile
        duplicate = profile if keeper is other else other
        try:
            kept = services.residents_merge(
                keeper=keeper, duplicate=duplicate, by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The two records are now one."))
            return redirect("teams:resident", profile_id=kept.pk)
    return render(
        request,
        "teams/merge_confirm.html",
        {
            "profile": profile,
            "other": other,
            "form": form,
            "files": [selectors.resident_file(profile=p) for p in pair],
        },
    )
