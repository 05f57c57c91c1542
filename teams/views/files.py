"""Files in and out of the workspace: list imports, sign-in cards, the certificate
handout, roster exports (each export or print is logged)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from certificates.pdf import certificates_render_pdf
from certificates.selectors import certificate_content
from community.access import (
    Change,
    can_change_resident,
    neighbourhoods_served_by,
    neighbourhoods_visible_to,
)
from community.models import AccessLogEntry, ResidentProfile

from .. import cards, exports, forms, importing, selectors, services
from ..models import ImportJob
from .workspace import _refused, workspace, writer

Action = AccessLogEntry.Action


@require_http_methods(["GET", "POST"])
@writer
def import_upload_view(request):
    served = neighbourhoods_served_by(request.user)
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
    if profile is None:
        raise Http404
    if not can_change_resident(request.user, profile, Change.CARD):
        return _refused(request)
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
        people=[c.user_id for c in certificates],
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
    exported = []

    def rows():
        for row in selectors.roster_export_rows(
            user=request.user, neighbourhood=neighbourhood, courses=courses
        ):
            exported.append(row.profile.user_id)
            yield row

    table = exports.roster_table(rows=rows(), courses=courses)
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
        people=exported,
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="danh-sach-to-{neighbourhood.number}.{fmt}"'
    )
    return response
