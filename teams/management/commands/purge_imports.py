"""Wipe uploaded lists that nobody confirmed within a week (issue #16).

    python manage.py purge_imports

The week is `IMPORT_UPLOAD_KEEP_DAYS`. Meant for a daily cron job or timer, beside
`purge_access_log`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from teams.services import import_jobs_expire


class Command(BaseCommand):
    help = "Wipe uploaded resident lists never confirmed within a week."

    def handle(self, *args, **options):
        expired = import_jobs_expire()
        self.stdout.write(
            f"Wiped {expired} uploaded lists not confirmed within "
            f"{settings.IMPORT_UPLOAD_KEEP_DAYS} days."
        )
