"""Care of a resident's record (issue #9): correct, move, new phone, moved away or
deceased, erase on request, merge two records of one person."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community import services as services_community
from community.access import (
    Change,
    can_change_resident,
    can_view_resident,
)
from community.models import AccessLogEntry, ResidentProfile

from .. import forms, selectors, services
from .workspace import _refused, writer

# --- Care of a resident's record (issue #9) -------------------------------------------


def _changeable(request, profile_id: int, change: Change) -> ResidentProfile:
    """The resident, if the user may make this change (`community.access`): else 404
    (not visible, or their data was erased: nothing is left to change) or 403."""
    profile = selectors.resident_for(user=request.user, profile_id=profile_id)
    if profile is None or profile.status == ResidentProfile.Status.WITHDRAWN:
        raise Http404
    if not can_change_resident(request.user, profile, change):
        raise PermissionDenied
    return profile


def _care_page(request, profile, form, **extra):
    return render(
        request, "teams/care_form.html", {"profile": profile, "form": form, **extra}
    )


def care_view(change: Change):
    """A page that makes one kind of change to one resident, for whoever
    `community.access` allows it (volunteers of their neighbourhood for residents
    without a staff role, city admins); officers and staff targets are refused,
    people out of sight get a 404."""

    def decorator(view):
        @require_http_methods(["GET", "POST"])
        @writer
        @wraps(view)
        def wrapper(request, profile_id: int, *args, **kwargs):
            try:
                profile = _changeable(request, profile_id, change)
            except PermissionDenied:
                return _refused(request)
            if request.method == "GET":
                # Each care page shows the person's data (issue #16).
                services.staff_access_record(
                    actor=request.user,
                    action=AccessLogEntry.Action.VIEWED,
                    profile=profile,
                    detail=f"care page: {view.__name__.removesuffix('_view')}",
                )
            return view(request, profile, *args, **kwargs)

        return wrapper

    return decorator


@care_view(Change.RECORD)
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


@care_view(Change.RECORD)
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


@care_view(Change.PHONE)
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


@care_view(Change.RECORD)
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


@care_view(Change.ERASE)
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


@care_view(Change.MERGE)
def resident_merge_search_view(request, profile):
    form = forms.MergeSearchForm(request.GET or None)
    candidates = None
    if form.is_valid():
        candidates = selectors.merge_candidates(
            user=request.user, profile=profile, query=form.cleaned_data["q"]
        )
        services.staff_access_record(
            actor=request.user,
            action=AccessLogEntry.Action.VIEWED,
            neighbourhood=profile.neighbourhood,
            detail="merge search",
            people=[p.user_id for p in candidates],
        )
    return render(
        request,
        "teams/merge_search.html",
        {"profile": profile, "form": form, "candidates": candidates},
    )


@care_view(Change.MERGE)
def resident_merge_view(request, profile, other_id: int):
    try:
        other = _changeable(request, other_id, Change.MERGE)
    except PermissionDenied:
        raise Http404 from None
    if other.pk == profile.pk:
        raise Http404
    pair = [profile, other]
    if request.method == "GET":
        services.staff_access_record(
            actor=request.user,
            action=AccessLogEntry.Action.VIEWED,
            profile=other,
            detail="merge comparison",
        )
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
