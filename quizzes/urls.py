from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("lessons/<int:lesson_id>/", views.quiz_view, name="lesson_quiz"),
    path("lessons/<int:lesson_id>/start/", views.quiz_start_view, name="start"),
    path("attempts/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path(
        "attempts/<int:attempt_id>/result/",
        views.attempt_result_view,
        name="result",
    ),
]
