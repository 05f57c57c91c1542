"""Names stored before `accounts.names.name_clean` existed are cleaned the same way
(issue 16: a right-to-left override typed into a name showed on the public
verification page). A name of nothing visible is left as it was for a person to
correct: an empty name means "erased" everywhere else.
"""

from django.db import migrations

BATCH = 2000


def clean_names(apps, schema_editor):
    from accounts.names import name_clean

    User = apps.get_model("accounts", "User")
    changed = []
    for user in User.objects.only("pk", "full_name").iterator(chunk_size=BATCH):
        cleaned = name_clean(user.full_name)
        if cleaned and cleaned != user.full_name:
            user.full_name = cleaned
            changed.append(user)
    User.objects.bulk_update(changed, ["full_name"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_signincard"),
    ]

    operations = [
        migrations.RunPython(clean_names, migrations.RunPython.noop, elidable=True),
    ]
