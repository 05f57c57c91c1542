from django.core.management.base import BaseCommand

from stats.services import stats_rebuild


class Command(BaseCommand):
    help = "Rebuild the statistics summary rows from the raw rows; print any drift."

    def handle(self, *args, **options):
        differences = stats_rebuild()
        for line in differences:
            self.stdout.write(line)
        if differences:
            self.stdout.write(f"{len(differences)} difference(s) fixed")
        else:
            self.stdout.write("no difference")
