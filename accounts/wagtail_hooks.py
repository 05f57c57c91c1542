"""The SMS outbox in the Wagtail admin: a read-only listing for city admins.

A small listing view rather than a snippet: a snippet brings create, edit, copy,
delete, history and usage URLs that would each have to be refused one by one, while
the outbox is a record of what was sent and must stay as it was. Here the only URLs
are the listing and its search/filter results.

Each page viewed is announced (`accounts.signals.sms_outbox_viewed`, with the
numbers shown): community logs it in the access log, which accounts may not write.
Codes are masked in production (`accounts.sms.sms_body_for_outbox`).

City admins are superusers (`community.services.role_grant` keeps the flag in step
with the role); `accounts` may not ask `community` who is a city admin (DESIGN.md §2),
so the policy checks the superuser flag. Editors, who enter the admin for content,
neither see the menu item nor open the page.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.admin_listing import ListingViewSet

from .models import SmsMessage
from .phones import phone_display, phone_normalise
from .signals import sms_outbox_viewed
from .sms import sms_body_for_outbox


class OutboxPermissionPolicy(BasePermissionPolicy):
    """Superusers (city admins) may read the outbox; nobody writes to it from here."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return "view" in actions and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


# Registered before anything asks Wagtail for this model's policy.
register_permission_policy(SmsMessage, OutboxPermissionPolicy(SmsMessage))


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
        # Sent at once: a view writes nothing that a rollback could take back.
        sms_outbox_viewed.send(
            sender=SmsMessage, viewer=self.request.user, phones=phones
        )
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


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
