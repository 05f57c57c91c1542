from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.catalogue_view, name="catalogue"),
    path("my/", views.my_learning_view, name="my"),
    path(
        "lessons/<int:page_id>/complete/",
        views.lesson_complete_view,
        name="lesson_complete",
    ),
    path(
        "courses/<int:page_id>/playlist.m3u",
        views.course_playlist_view,
        name="course_playlist",
    ),
]
