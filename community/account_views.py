"""The signed-in person's own account (issue #9): see and correct their details,
download everything held about them, withdraw their consent.

Every view here acts on `request.user` only: a volunteer, officer or admin sees their
own account on these pages, never a resident's (their care pages live in /team/).
Pages are never cached (`cms.privacy.PersonalPagesNoStoreMiddleware`, `/accounts/`).
"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required, login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from accounts.ratelimit import hit_allowed
from accounts.selectors import password_asked_again

from .account_forms import AccountDeleteForm, AccountDetailsForm
from .models import ResidentProfile
from .privacy import personal_data_json, personal_data_page, self_erasure_refusal
from .services import resident_details_update, resident_erase, resident_move

DELETE_RATE = "10/h"


def _profile_of(user) -> ResidentProfile | None:
    return (
        ResidentProfile.objects.select_related("neighbourhood__ward")
        .filter(user=user)
        .first()
    )


@never_cache
@require_safe
@login_required
def account_home(request):
    """Who I am here, and the links to change it."""
    return render(
        request,
        "community/account/home.html",
        {"profile": _profile_of(request.user)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def account_edit(request):
    """Correct name and birth year; a new neighbourhood is a move (announced)."""
    profile = _profile_of(request.user)
    if profile is None or not profile.is_active:
        return redirect("community:account")
    form = AccountDetailsForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            resident_details_update(
                profile=profile,
                full_name=form.cleaned_data["full_name"],
                birth_year=form.cleaned_data["birth_year"],
                by=request.user,
            )
            resident_move(
                profile=profile,
                neighbourhood=form.cleaned_data["neighbourhood"],
                by=request.user,
            )
        messages.success(request, _("Your details are saved."))
        return redirect("community:account")
    return render(
        request, "community/account/edit.html", {"form": form, "profile": profile}
    )


@never_cache
@require_safe
@login_required
def my_data(request):
    """Everything held about me, readable and printable."""
    return render(
        request,
        "community/account/data.html",
        {
            "sections": personal_data_page(user=request.user),
            "generated_at": timezone.now(),
        },
    )


@never_cache
@require_safe
@login_required
def my_data_json(request):
    """The same, as a JSON file to keep or to take elsewhere."""
    data = personal_data_json(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def account_delete(request):
    """Withdraw consent: explain, confirm, erase, sign out, say goodbye."""
    user = request.user
    refusal = self_erasure_refusal(user=user)
    form = AccountDeleteForm(
        request.POST if request.method == "POST" and not refusal else None,
        user=user,
        ask_password=password_asked_again(request),
    )
    status = 200
    if request.method == "POST" and not refusal:
        if not hit_allowed(
            request, action="account_delete", rate=DELETE_RATE, key=str(user.pk)
        ):
            form.add_error(None, _("Too many attempts. Please try again later."))
            status = 429
        elif form.is_valid():
            resident_erase(profile=_profile_of(user), by=user)
            logout(request)
            return redirect("community:account_deleted")
        else:
            status = 400
    return render(
        request,
        "community/account/delete.html",
        {"form": form, "refusal": refusal, "profile": _profile_of(user)},
        status=status,
    )


@require_safe
@login_not_required
def account_deleted(request):
    """The goodbye page, shown after the erasure (signed out by then)."""
    return render(request, "community/account/deleted.html")
