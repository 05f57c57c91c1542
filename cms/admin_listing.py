"""A read-only listing in the Wagtail admin, with its menu item: one shape for all.

The SMS outbox, the posters, the certificates and the access log are records, not
content: each is an `IndexView` (with its search and filters) behind a permission
policy, plus perhaps a few action URLs. Snippets would bring create, edit, copy,
delete, history and usage URLs that would each have to be refused one by one.
"""

from django.urls import path
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry


class ListingMenuItem(MenuItem):
    """Shown only to those the model's permission policy lets view it."""

    model = None

    def is_shown(self, request):
        policy = policy_registry.get_by_type(self.model)
        return policy.user_has_permission(request.user, "view")


class ListingViewSet(ViewSet):
    """`index_view_class` at `<name>/` (and its results), plus `extra_urlpatterns()`."""

    model = None
    index_view_class = None
    add_to_admin_menu = True

    def extra_urlpatterns(self) -> list:
        return []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            *self.extra_urlpatterns(),
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            index_url_name=self.get_url_name("index"),
            index_results_url_name=self.get_url_name("index_results"),
            **kwargs,
        )

    @cached_property
    def menu_item_class(self):
        return type(
            f"{self.__class__.__name__}MenuItem",
            (ListingMenuItem,),
            {"model": self.model},
        )

    @property
    def index_view(self):
        return self.construct_view(self.index_view_class)

    @property
    def index_results_view(self):
        return self.construct_view(self.index_results_class, results_only=True)

    @property
    def index_results_class(self):
        return self.index_view_class
