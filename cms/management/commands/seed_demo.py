"""`python manage.py seed_demo`: demo places, accounts and content, idempotent.

Each app that has demo data provides `<app>/demo.py` with `seed_demo(*, log)`; they run
in INSTALLED_APPS order, which is the dependency order (accounts, cms, community, then
the apps above). cms imports none of them, so the dependency chain stays one-way.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Create demo wards, neighbourhoods, accounts and content (safe to run twice)."
    )

    def handle(self, *args, **options):
        def log(message: str) -> None:
            self.stdout.write(message)

        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).seed_demo(log=log)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
