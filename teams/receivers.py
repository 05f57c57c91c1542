"""Keeping the roster's search key in step with residents' names."""

from community.models import ResidentProfile

from .services import resident_card_sync


def card_on_profile_saved(sender, *, instance, created=False, raw=False, **kwargs):
    if not raw:
        resident_card_sync(profile=instance, new=created)


def card_on_user_saved(sender, *, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "full_name" not in update_fields):
        return
    profile = ResidentProfile.objects.filter(user=instance).first()
    if profile is not None:
        profile.user = instance
        resident_card_sync(profile=profile)
