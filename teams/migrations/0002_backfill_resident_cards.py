"""Search keys for the residents registered before teams was installed."""

from django.db import migrations


def backfill(apps, schema_editor):
    # teams.search is gone: the key moved onto the profile (0004); one fold function.
    from community.text import search_column

    ResidentProfile = apps.get_model("community", "ResidentProfile")
    ResidentCard = apps.get_model("teams", "ResidentCard")
    missing = ResidentProfile.objects.filter(team_card__isnull=True).select_related(
        "user"
    )
    batch = []
    for profile in missing.iterator(chunk_size=2000):
        batch.append(
            ResidentCard(profile=profile, search_name=search_column(profile.user.full_name))
        )
        if len(batch) >= 2000:
            ResidentCard.objects.bulk_create(batch)
            batch = []
    ResidentCard.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("teams", "0001_initial")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
