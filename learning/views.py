"""HTTP for learning outside Wagtail's pages: the "done" button and "my learning"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.audio import page_audio_files, playlist_m3u
from cms.sharing import absolute_url

from .models import CourseIndexPage, CoursePage, LessonPage
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


def course_playlist_view(request, page_id: int):
    """The audio narration of a course's lessons as an M3U playlist, in lesson order,
    for the ward's loudspeakers (absolute URLs: the radio's player is elsewhere)."""
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    lessons = LessonPage.objects.live().child_of(course).order_by("path")
    entries = []
    for lesson in lessons:
        files = page_audio_files(lesson)
        for number, document in enumerate(files, start=1):
            title = lesson.title if len(files) == 1 else f"{lesson.title} ({number})"
            entries.append((title, absolute_url(document.url)))
    if not entries:
        raise Http404
    response = HttpResponse(
        playlist_m3u(title=course.title, entries=entries),
        content_type="audio/x-mpegurl; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{course.slug}.m3u"'
    return response
