from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "teams"
    verbose_name = _("Community tech teams")

    def ready(self):
        from django.db.models.signals import post_save

        from accounts.models import User
        from community.models import ResidentProfile

        from . import privacy  # noqa: F401 (registers its "my data" sections)
        from .receivers import card_on_profile_saved, card_on_user_saved

        # The roster's search key follows every way a resident is made or renamed
        # (sign-up, a volunteer, an import, a correction): post_save runs inside
        # the writing transaction, so the key is never out of step with the name.
        post_save.connect(
            card_on_profile_saved,
            sender=ResidentProfile,
            dispatch_uid="teams.card_on_profile_saved",
        )
        post_save.connect(
            card_on_user_saved, sender=User, dispatch_uid="teams.card_on_user_saved"
        )
