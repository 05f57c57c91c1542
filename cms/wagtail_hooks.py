"""The Wagtail admin for the site's frame: poster downloads, and counting the
visits that arrive through a poster's QR code."""

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import Button
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_listing import ListingViewSet
from .models import Poster
from .selectors import poster_visits
from .services import POSTER_SIZES, poster_visit_record
from .views import poster_print

POSTER_PARAM = "p"
SEEN_SESSION_KEY = "cms_posters_seen"


def _poster_buttons(page, user):
    if not page.live or not page.permissions_for_user(user).can_edit():
        return
    for priority, size in enumerate(POSTER_SIZES, start=90):
        yield Button(
            _("Poster %(size)s (PDF)") % {"size": size},
            url=reverse("posters:download", args=[page.pk]) + f"?size={size}",
            icon_name="download",
            priority=priority,
        )
    yield Button(
        _("Poster for a neighbourhood"),
        url=reverse("posters:print", args=[page.pk]),
        icon_name="download",
        priority=90 + len(POSTER_SIZES),
    )


@hooks.register("register_page_header_buttons")
def poster_header_buttons(page, user, view_name=None, next_url=None):
    yield from _poster_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def poster_listing_buttons(page, user, next_url=None):
    yield from _poster_buttons(page, user)


@hooks.register("before_serve_page")
def count_poster_visit(page, request, serve_args, serve_kwargs):
    """`?p=<code>` from a poster's QR code: count the visit once per browser
    session, then redirect to the clean address so that links shared on stay clean."""
    code = request.GET.get(POSTER_PARAM)
    if not code or request.method != "GET":
        return None
    seen = request.session.get(SEEN_SESSION_KEY, [])
    if code not in seen:
        poster = Poster.objects.filter(code=code[:16], page_id=page.pk).first()
        if poster is not None:
            poster_visit_record(poster=poster)
            request.session[SEEN_SESSION_KEY] = [*seen, code][-50:]
    query = [(k, v) for k, v in request.GET.items() if k != POSTER_PARAM]
    return HttpResponseRedirect(
        request.path + (f"?{urlencode(query)}" if query else "")
    )


class PosterPermissionPolicy(BasePermissionPolicy):
    """Everyone who enters the admin (editors, city admins) may read the posters
    list; posters are made only by downloading one, never edited here."""

    def _admin(self, user):
        return user.is_active and user.has_perm("wagtailadmin.access_admin")

    def user_has_permission(self, user, action):
        return action == "view" and self._admin(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self._admin(user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="access_admin")
            | Q(user_permissions__codename="access_admin")
        ).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(Poster, PosterPermissionPolicy(Poster))


class PosterIndexView(IndexView):
    """Every printed batch and the visits through it: read-only, for editors."""

    model = Poster
    page_title = _("Posters")
    header_icon = "doc-full"
    default_ordering = "-created_at"
    any_permission_required = ["view"]
    paginate_by = 50
    columns = [
        Column("code", label=_("Code")),
        Column("page", label=_("Page"), accessor=lambda poster: poster.page.title),
        Column("size", label=_("Paper size")),
        DateColumn("created_at", label=_("Created at"), sort_key="created_at"),
        Column("visits", label=_("Visits"), sort_key="visits"),
    ]

    def get_base_queryset(self):
        return poster_visits()


class PosterViewSet(ListingViewSet):
    name = "posters"
    icon = "doc-full"
    menu_label = _("Posters")
    menu_name = "posters"
    model = Poster
    index_view_class = PosterIndexView

    def extra_urlpatterns(self):
        # /admin/posters/<page id>/?size=A4|A3: under /admin/, so Wagtail lets in
        # only users with admin access. Both show the form; its POST makes the PDF.
        return [
            path("<int:page_id>/", poster_print, name="download"),
            path("<int:page_id>/print/", poster_print, name="print"),
        ]


@hooks.register("register_admin_viewset")
def register_poster_viewset():
    return PosterViewSet()
