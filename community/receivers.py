"""community listening to the apps below it: what they announce that belongs in
community's access log (accounts may not import community, DESIGN.md §2)."""

from accounts.models import User

from .models import AccessLogEntry
from .services import access_log_record, access_log_record_people


def log_sms_outbox_view(sender, *, viewer: User, phones: list[str], **kwargs) -> None:
    """A city admin saw these numbers and the messages sent to them (sign-in codes
    among them) in the SMS outbox: one entry per person whose number it is, and one
    for the numbers of no account."""
    people = list(
        User.objects.filter(phone__in=phones).select_related(
            "resident_profile__neighbourhood"
        )
    )
    access_log_record_people(
        actor=viewer,
        action=AccessLogEntry.Action.VIEWED,
        people=people,
        detail="SMS outbox (their number and the messages sent to it)",
    )
    unnamed = len(set(phones) - {person.phone for person in people})
    if unnamed:
        access_log_record(
            actor=viewer,
            action=AccessLogEntry.Action.VIEWED,
            detail=f"SMS outbox ({unnamed} number{'s' if unnamed != 1 else ''} "
            "of no account)",
        )
