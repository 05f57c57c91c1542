"""Delete access-log entries older than the retention period (issue #9).

    python manage.py purge_access_log [--days N]

N defaults to `settings.ACCESS_LOG_RETENTION_DAYS`. Meant for a daily cron job.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from community.models import AccessLogEntry


class Command(BaseCommand):
    help = "Delete access-log entries older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days (default: ACCESS_LOG_RETENTION_DAYS).",
        )

    def handle(self, *args, days=None, **options):
        days = settings.ACCESS_LOG_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _by_model = AccessLogEntry.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} access-log entries older than {days} days "
            f"(before {cutoff:%Y-%m-%d %H:%M})."
        )
