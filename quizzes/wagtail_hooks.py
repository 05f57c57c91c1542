"""Wagtail admin for quizzes: a snippet with nested questions and choices.

Editors (Wagtail's "Moderators" group, `community.roles.EDITORS_GROUP`) get the model
permissions from `quizzes.apps.grant_editor_permissions`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "help"
    menu_label = _("Quizzes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "pass_mark", "layout", "live"]
    list_filter = ["layout"]

    def get_queryset(self, request):
        # Each row's name is its lesson's title: one join, not a query per row.
        return Quiz.objects.select_related("lesson")


register_snippet(QuizViewSet)
