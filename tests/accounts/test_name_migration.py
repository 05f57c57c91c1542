"""The migration that cleans names stored before `name_clean` existed."""

import importlib

from django.apps import apps

from accounts.models import User
from tests.community.factories import UserFactory

migration = importlib.import_module("accounts.migrations.0003_clean_names")


def test_stored_names_are_cleaned_and_invisible_only_names_are_kept(db):
    typed = UserFactory(full_name="Nguy\u1ec5n \u202e. Rtl\u200b")
    fine = UserFactory(full_name="Đỗ Thị Lan")
    invisible = UserFactory(full_name="\u200b\u200b")
    erased = UserFactory(full_name="")

    migration.clean_names(apps, None)

    names = dict(User.objects.values_list("pk", "full_name"))
    assert names[typed.pk] == "Nguyễn . Rtl"
    assert names[fine.pk] == "Đỗ Thị Lan"
    assert names[invisible.pk] == "\u200b\u200b"
    assert names[erased.pk] == ""
