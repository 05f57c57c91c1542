"""Events announced by accounts; apps above listen.

accounts imports no other app of ours (DESIGN.md §2), so what must be recorded
elsewhere is announced here: community keeps the access log and listens.
"""

from django.dispatch import Signal

# A city admin looked at a page of the SMS outbox in the Wagtail admin: phone numbers
# and, on the embedded default, live sign-in codes (`SMS_OUTBOX_SHOW_CODES`).
# Sent as the page is built (a view writes nothing a rollback could undo).
# kwargs: viewer (User), phones (list[str]: the distinct E.164 numbers on the page)
sms_outbox_viewed = Signal()
