"""The person's own account: `/accounts/me/` (issue #9)."""

from django.urls import path

from . import account_views

app_name = "community"

urlpatterns = [
    path("", account_views.account_home, name="account"),
    path("edit/", account_views.account_edit, name="account_edit"),
    path("data/", account_views.my_data, name="my_data"),
    path("data.json", account_views.my_data_json, name="my_data_json"),
    path("delete/", account_views.account_delete, name="account_delete"),
    path("deleted/", account_views.account_deleted, name="account_deleted"),
]
