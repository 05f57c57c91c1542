"""The Wagtail admin for certificates: city admins list, revoke and re-issue them.

No snippet and no edit view: rows change only through `certificates.services`.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.admin_listing import ListingViewSet
from community.views import CityAdminPermissionPolicy

from .admin_views import CertificateIndexView, CertificateRevokeView
from .models import Certificate

register_permission_policy(
    Certificate, CityAdminPermissionPolicy(Certificate, actions={"view", "delete"})
)


class CertificateViewSet(ListingViewSet):
    # Not "certificates": that is the namespace of the public URLs.
    name = "certificates_admin"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificates"
    model = Certificate
    index_view_class = CertificateIndexView

    def extra_urlpatterns(self):
        return [path("<int:pk>/revoke/", self.revoke_view, name="revoke")]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            revoke_url_name=self.get_url_name("revoke"), **kwargs
        )

    @property
    def revoke_view(self):
        return self.construct_view(CertificateRevokeView)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()
