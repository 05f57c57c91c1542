"""Wagtail admin views for certificates (city admins): a listing and a revoke form.

Certificates are written only by `certificates.services`, so there is no create or
edit view: the listing links each valid certificate to a form that asks for the reason
and calls `certificate_revoke`, or `certificate_reissue` after a correction. Who may
use them is decided by community's `CityAdminPermissionPolicy` (`community.access`).
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic.edit import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from community.models import Ward

from .models import Certificate
from .services import certificate_reissue, certificate_revoke


class CertificateFilterSet(WagtailFilterSet):
    ward = django_filters.ModelChoiceFilter(
        label=_("Ward"), queryset=Ward.objects.all()
    )
    revoked = django_filters.BooleanFilter(
        label=_("Revoked"), field_name="revoked_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Certificate
        fields = ["ward", "revoked"]


def certificate_status(certificate: Certificate) -> str:
    if certificate.revoked_at is None:
        return str(_("Valid"))
    return str(_("Revoked: %(reason)s") % {"reason": certificate.revoked_reason})


class CertificateIndexView(IndexView):
    model = Certificate
    page_title = _("Certificates")
    header_icon = "doc-full"
    filterset_class = CertificateFilterSet
    search_fields = ["holder_name", "code"]
    search_backend_name = None
    default_ordering = "-issued_at"
    paginate_by = 50
    revoke_url_name = None

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "holder_name",
                label=_("Holder"),
                sort_key="holder_name",
                url_name=self.revoke_url_name,
            ),
            Column("course_title", label=_("Course"), sort_key="course_title"),
            Column("ward", label=_("Ward")),
            Column("code", label=_("Code")),
            DateColumn("issued_at", label=_("Issued at"), sort_key="issued_at"),
            Column("status", label=_("Status"), accessor=certificate_status),
        ]

    def get_base_queryset(self):
        return Certificate.objects.select_related("ward")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.filter(holder_name__icontains=query) | queryset.filter(
            code__icontains=query.upper()
        )


class RevokeForm(forms.Form):
    ACTION_REVOKE = "revoke"
    ACTION_REISSUE = "reissue"

    action = forms.ChoiceField(
        label=_("What to do"),
        choices=[
            (ACTION_REVOKE, _("Revoke it")),
            (
                ACTION_REISSUE,
                _("Re-issue it with the holder's current details (revokes this one)"),
            ),
        ],
        initial=ACTION_REVOKE,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("Shown to anyone who checks the certificate. Needed to revoke."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("action") == self.ACTION_REVOKE
            and not data.get("reason", "").strip()
        ):
            self.add_error("reason", _("Please give the reason for revoking."))
        return data


class CertificateRevokeView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView
):
    """GET: the certificate and a form; POST: revoke or re-issue through the service."""

    model = Certificate
    permission_required = "delete"
    form_class = RevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = _("Revoke a certificate")
    header_icon = "doc-full"
    index_url_name = None
    revoke_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.certificate = get_object_or_404(
            Certificate.objects.select_related("ward"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = self.certificate
        context["action_url"] = reverse(
            self.revoke_url_name, args=[self.certificate.pk]
        )
        context["verify_url"] = reverse(
            "certificates:verify", args=[self.certificate.code]
        )
        context["submit_button_label"] = _("Confirm")
        context["submit_button_active_label"] = _("Saving…")
        return context

    def form_valid(self, form):
        if self.certificate.revoked_at is not None:
            messages.error(self.request, _("This certificate is already revoked."))
            return redirect(self.index_url_name)
        try:
            if form.cleaned_data["action"] == RevokeForm.ACTION_REISSUE:
                new = certificate_reissue(certificate=self.certificate)
                messages.success(
                    self.request,
                    _("Re-issued: the new code is %(code)s.") % {"code": new.code},
                )
            else:
                certificate_revoke(
                    certificate=self.certificate, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    self.request,
                    _("Revoked: %(certificate)s.") % {"certificate": self.certificate},
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect(self.index_url_name)
