from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CommunityConfig(AppConfig):
    default = True  # this module holds a second config (below)
    name = "community"
    verbose_name = _("Community")


class UsersAdminConfig(WagtailUsersAppConfig):
    """`wagtail.users`, with the user pages that log staff looks at people."""

    default = False
    user_viewset = "community.admin_users.UserViewSet"
