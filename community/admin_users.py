"""Wagtail's user pages, with every staff look at people logged (issue #16).

City admins open the admin's user list and a user's edit page: both show names and
phone numbers, so each view is an access-log entry (the list as one entry naming
everyone it showed), and each saved edit a change. Wired in by
`community.apps.UsersAdminConfig`, which replaces `wagtail.users` in INSTALLED_APPS.
"""

from wagtail.users.views import users

from .models import AccessLogEntry
from .services import access_log_record

Action = AccessLogEntry.Action


class IndexView(users.IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = [user.pk for user in context.get("object_list") or []]
        if shown:
            access_log_record(
                actor=self.request.user,
                action=Action.VIEWED,
                detail="admin: user list",
                people=shown,
            )
        return context


class EditView(users.EditView):
    def get(self, request, *args, **kwargs):
        if self.object.pk != request.user.pk:
            access_log_record(
                actor=request.user,
                action=Action.VIEWED,
                subject=self.object,
                detail="admin: user edit page",
            )
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        instance = super().save_instance()
        if instance.pk != self.request.user.pk:
            access_log_record(
                actor=self.request.user,
                action=Action.CHANGED,
                subject=instance,
                detail="admin: user edited "
                + ", ".join(sorted(self.form.changed_data))[:200],
            )
        return instance


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    edit_view_class = EditView
