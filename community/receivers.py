"""community listening to the apps below it: what they announce that belongs in
community's access log (accounts may not import community, DESIGN.md §2)."""

from accounts.models import User

from .models import AccessLogEntry
from .services import access_log_record


def log_sms_outbox_view(sender, *, viewer: User, phones: list[str], **kwargs) -> None:
    """A city admin saw these numbers and the messages sent to them (sign-in codes
    among them) in the SMS outbox: one entry naming everyone whose number it is (as
    any list staff open), with how many numbers were of no account."""
    people = list(User.objects.filter(phone__in=phones).only("pk", "phone"))
    unnamed = len(set(phones) - {person.phone for person in people})
    detail = "SMS outbox (their number and the messages sent to it)"
    if unnamed:
        detail += f"; {unnamed} number{'s' if unnamed != 1 else ''} of no account"
    access_log_record(
        actor=viewer,
        action=AccessLogEntry.Action.VIEWED,
        detail=detail,
        people=people,
    )
