from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

QUIZ_ACTIONS = ("add", "change", "delete", "view", "publish")


def grant_editor_permissions(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Editors (the culture office) write and publish quizzes in the Wagtail admin.

    Run after every migrate (and test-database flush) rather than in a data
    migration, because Wagtail creates the "publish" permission only after migrating.
    """
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from community.roles import EDITORS_GROUP

    from .models import Quiz

    content_type = ContentType.objects.db_manager(using).get_for_model(Quiz)
    permissions = [
        Permission.objects.using(using).get_or_create(
            content_type=content_type,
            codename=f"{action}_quiz",
            defaults={"name": f"Can {action} quiz"},
        )[0]
        for action in QUIZ_ACTIONS
    ]
    group, _created = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*permissions)


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # A lesson with a live quiz is finished only by passing it (DESIGN.md §2):
        # learning asks its gates, never this app.
        from learning.gates import register_completion_gate

        from . import privacy  # noqa: F401 (registers its "my data" sections)
        from .selectors import lesson_has_quiz

        register_completion_gate(lesson_has_quiz)
        post_migrate.connect(grant_editor_permissions, sender=self)
