"""HTTP for certificates: public verification (DESIGN.md §4) and the PDF download."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from .codes import code_parse
from .forms import VerifyForm
from .models import Certificate
from .names import name_mask
from .ratelimit import verify_allowed
from .selectors import certificate_can_download
from .services import certificate_pdf, certificate_pdf_viewed


@require_safe
@login_not_required
def verify_form_view(request):
    """A code typed by hand: check it, then show its verification page."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return redirect("certificates:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


@require_safe
@login_not_required
def verify_view(request, code: str):
    """Valid or revoked, the course, the date and the masked name: nothing else."""
    if not verify_allowed(request):
        return render(request, "certificates/rate_limited.html", status=429)
    canonical = code_parse(code)
    if canonical is not None and canonical != code:
        return redirect("certificates:verify", code=canonical)
    certificate = (
        Certificate.objects.filter(code=canonical)
        .only(
            "code",
            "issued_at",
            "holder_name",
            "course_title",
            "revoked_at",
            "revoked_reason",
        )
        .first()
        if canonical
        else None
    )
    if certificate is None:
        return render(
            request,
            "certificates/not_found.html",
            {"form": VerifyForm(), "code": code},
            status=404,
        )
    return render(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "masked_name": name_mask(certificate.holder_name)},
    )


@require_safe
@login_not_required
def certificate_pdf_view(request, code: str):
    """The PDF for its holder and for staff who may see the holder; 404 for others.

    404 rather than 403, so that nobody learns whether a code exists.
    """
    canonical = code_parse(code)
    certificate = (
        Certificate.objects.filter(code=canonical, revoked_at=None).first()
        if canonical
        else None
    )
    if certificate is None or not certificate_can_download(
        user=request.user, certificate=certificate
    ):
        raise Http404
    if canonical != code:
        return redirect("certificates:pdf", code=canonical)
    certificate_pdf_viewed(certificate=certificate, by=request.user)
    response = HttpResponse(
        certificate_pdf(certificate=certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="giay-chung-nhan-{certificate.code}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
