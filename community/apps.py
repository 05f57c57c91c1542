from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from accounts.signals import sms_outbox_viewed

        from .receivers import log_sms_outbox_view

        sms_outbox_viewed.connect(
            log_sms_outbox_view, dispatch_uid="community.log_sms_outbox_view"
        )
