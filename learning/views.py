"""HTTP for learning outside Wagtail's pages: the "done" button and "my learning"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import CourseIndexPage, LessonPage
from .selectors import lesson_position, my_learning
from .services import lesson_complete


@require_POST
@login_required
def lesson_complete_view(request, page_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    try:
        lesson_complete(user=request.user, lesson=lesson)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(lesson.url)
    position = lesson_position(lesson=lesson, user=request.user)
    if position.next is not None:
        messages.success(request, _("Well done! On to the next lesson."))
        return redirect(position.next.url)
    messages.success(request, _("Well done! You have reached the end of this course."))
    return redirect(position.course.url)


@login_required
def my_learning_view(request):
    return render(
        request,
        "learning/my_learning.html",
        {"courses": my_learning(user=request.user)},
    )


def catalogue_view(request):
    """A stable address for the catalogue, whatever slug the editors gave it."""
    index = CourseIndexPage.objects.live().order_by("path").first()
    if index is None:
        raise Http404
    return redirect(index.url)
