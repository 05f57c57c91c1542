"""Wagtail admin for quizzes: a snippet with nested questions and choices.

Editors (Wagtail's "Moderators" group, `community.roles.EDITORS_GROUP`) get the model
permissions from `quizzes.apps.grant_editor_permissions`.
"""

from functools import reduce
from operator import or_

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Quiz, QuizAttempt


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


def _refuse_if_taken(request, quizzes, back):
    """Refuse to delete quizzes people have taken: their attempts are their history.

    Editors unpublish instead. `QuizAttempt.quiz` is PROTECT as the last guard.
    """
    taken = QuizAttempt.objects.filter(quiz__in=quizzes).count()
    if not taken:
        return None
    messages.error(
        request,
        ngettext(
            "Learners have made %(count)d attempt at this quiz, so it cannot be "
            "deleted. Unpublish it instead: their history stays.",
            "Learners have made %(count)d attempts at this quiz, so it cannot be "
            "deleted. Unpublish it instead: their history stays.",
            taken,
        )
        % {"count": taken},
    )
    return redirect(back)


@hooks.register("before_delete_snippet")
def keep_quizzes_that_learners_took(request, instances):
    quizzes = [q for q in instances if isinstance(q, Quiz)]
    if not quizzes:
        return None
    return _refuse_if_taken(request, quizzes, "wagtailsnippets_quizzes_quiz:list")


@hooks.register("before_delete_page")
def keep_lessons_whose_quiz_learners_took(request, page):
    """Deleting a lesson (or its course) would delete its quiz: the same rule."""
    quizzes = Quiz.objects.filter(lesson__path__startswith=page.path)
    back = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    return _refuse_if_taken(request, quizzes, back)


@hooks.register("before_bulk_action")
def keep_taken_quizzes_in_bulk_deletes(request, action_type, objects, action):
    """The bulk "delete" of pages or snippets goes through the same rule."""
    if action_type != "delete":
        return None
    paths = [obj.path for obj in objects if isinstance(obj, Page)]
    quizzes = [obj for obj in objects if isinstance(obj, Quiz)]
    if paths:
        quizzes += list(
            Quiz.objects.filter(
                reduce(or_, (Q(lesson__path__startswith=p) for p in paths))
            )
        )
    if not quizzes:
        return None
    return _refuse_if_taken(request, quizzes, request.get_full_path())
