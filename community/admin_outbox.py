"""The SMS outbox in the Wagtail admin: a read-only listing for city admins.

A small listing view rather than a snippet: a snippet brings create, edit, copy,
delete, history and usage URLs that would each have to be refused one by one, while
the outbox is a record of what was sent and must stay as it was. Here the only URLs
are the listing and its search/filter results.

It lives in community, not beside the `SmsMessage` model in accounts: the page shows
people's numbers (and, on the embedded default, live sign-in codes), so who may
open it is `community.access`'s question and each view is an access-log entry naming
everyone shown; and accounts imports no app above it (DESIGN.md §2). Codes are masked
in production (`accounts.sms.sms_body_for_outbox`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from accounts.models import SmsMessage, User
from accounts.phones import phone_display, phone_normalise
from accounts.sms import sms_body_for_outbox
from cms.admin_listing import ListingViewSet

from .models import AccessLogEntry
from .services import access_log_record


def outbox_view_record(*, viewer: User, phones: list[str]) -> AccessLogEntry:
    """One entry naming everyone whose number a page of the outbox showed, with how
    many numbers were of no account."""
    people = list(User.objects.filter(phone__in=phones).only("pk", "phone"))
    unnamed = len(set(phones) - {person.phone for person in people})
    detail = "SMS outbox (their number and the messages sent to it)"
    if unnamed:
        detail += f"; {unnamed} number{'s' if unnamed != 1 else ''} of no account"
    return access_log_record(
        actor=viewer,
        action=AccessLogEntry.Action.VIEWED,
        detail=detail,
        people=people,
    )


class OutboxIndexView(IndexView):
    model = SmsMessage
    page_title = _("SMS outbox")
    header_icon = "mail"
    any_permission_required = ["view"]
    search_fields = ["to"]
    search_backend_name = None
    default_ordering = "-created_at"
    paginate_by = 50
    columns = [
        Column("to", label=_("To"), accessor=lambda message: phone_display(message.to)),
        Column(
            "body",
            label=_("Message"),
            accessor=lambda message: sms_body_for_outbox(message.body),
        ),
        DateColumn("created_at", label=_("Sent at"), sort_key="created_at"),
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        phones = list(dict.fromkeys(message.to for message in context["object_list"]))
        outbox_view_record(viewer=self.request.user, phones=phones)
        return context

    def search_queryset(self, queryset):
        """Search by number, typed as people write it (`0912 345 678`) or in part."""
        if not self.is_searching:
            return queryset
        try:
            number = phone_normalise(self.search_query)
        except ValidationError:
            # Part of a number: keep the digits, and read a leading 0 as +84.
            number = "".join(char for char in self.search_query if char.isdigit())
            if number.startswith("0"):
                number = "+84" + number[1:]
            if not number:
                return queryset.none()
        return queryset.filter(to__contains=number)


class OutboxViewSet(ListingViewSet):
    name = "sms-outbox"
    icon = "mail"
    menu_label = _("SMS outbox")
    menu_name = "sms-outbox"
    model = SmsMessage
    index_view_class = OutboxIndexView
