from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "teams"
    verbose_name = _("Community tech teams")

    def ready(self):
        from django.db.models.signals import post_save

        from community.models import ResidentProfile
        from community.signals import resident_removed, resident_updated

        from . import privacy  # noqa: F401 (registers its "my data" sections)
        from .receivers import (
            card_on_profile_created,
            card_on_resident_removed,
            card_on_resident_updated,
        )

        # The roster's search key: made with the profile, in the same transaction
        # (post_save, also sent by the import for its bulk-created profiles);
        # renamed when community announces a corrected name; deleted when the
        # resident withdraws consent (it holds their name).
        post_save.connect(
            card_on_profile_created,
            sender=ResidentProfile,
            dispatch_uid="teams.card_on_profile_saved",
        )
        resident_updated.connect(
            card_on_resident_updated, dispatch_uid="teams.card_on_resident_updated"
        )
        resident_removed.connect(
            card_on_resident_removed, dispatch_uid="teams.card_on_resident_removed"
        )
