from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CommunityConfig(AppConfig):
    default = True  # this module holds a second config (below)
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from accounts.signals import sms_outbox_viewed

        from .receivers import log_sms_outbox_view

        sms_outbox_viewed.connect(
            log_sms_outbox_view, dispatch_uid="community.log_sms_outbox_view"
        )


class UsersAdminConfig(WagtailUsersAppConfig):
    """`wagtail.users`, with the user pages that log staff looks at people."""

    default = False
    user_viewset = "community.admin_users.UserViewSet"
