"""The Wagtail admin for certificates: city admins list, revoke and re-issue them.

No snippet and no edit view: rows change only through `certificates.services`.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry, register_permission_policy

from community.views import CityAdminPermissionPolicy

from .admin_views import CertificateIndexView, CertificateRevokeView
from .models import Certificate

register_permission_policy(
    Certificate, CityAdminPermissionPolicy(Certificate, actions={"view", "delete"})
)


class CertificateMenuItem(MenuItem):
    def is_shown(self, request):
        policy = policy_registry.get_by_type(Certificate)
        return policy.user_has_permission(request.user, "view")


class CertificateViewSet(ViewSet):
    # Not "certificates": that is the namespace of the public URLs.
    name = "certificates_admin"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificates"
    add_to_admin_menu = True
    menu_item_class = CertificateMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/revoke/", self.revoke_view, name="revoke"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            revoke_url_name=self.get_url_name("revoke"),
            **kwargs,
        )

    @property
    def index_view(self):
        return self.construct_view(CertificateIndexView)

    @property
    def index_results_view(self):
        return self.construct_view(CertificateIndexView, results_only=True)

    @property
    def revoke_view(self):
        return self.construct_view(CertificateRevokeView)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()
