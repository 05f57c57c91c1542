"""Keeping the roster's search key in step with residents' names."""

from community.models import ResidentProfile
from teams.models import ResidentCard

from .services import resident_card_sync


def card_on_profile_created(sender, *, instance, created=False, raw=False, **kwargs):
    """A new resident gets their search key in the same transaction: sign-up, a
    volunteer, or an import (which sends post_save for its bulk-created profiles)."""
    if created and not raw:
        resident_card_sync(profile=instance, new=True)


def card_on_resident_updated(sender, *, profile, fields, **kwargs):
    """A corrected name (`community.services.resident_details_update`)."""
    if "full_name" in fields:
        profile = ResidentProfile.objects.select_related("user").get(pk=profile.pk)
        resident_card_sync(profile=profile)


def card_on_resident_removed(sender, *, profile, **kwargs):
    """Consent withdrawn: the key held the person's name, so it goes."""
    if profile.status == ResidentProfile.Status.WITHDRAWN:
        ResidentCard.objects.filter(profile_id=profile.pk).delete()
