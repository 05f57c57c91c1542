"""Events announced by learning, once each, by the service that makes them.

Listeners (quizzes, certificates, teams, stats) connect here; learning never knows
who listens. Sent with `transaction.on_commit`, so a rolled-back write announces
nothing.
"""

from django.dispatch import Signal

# kwargs: user, lesson (LessonPage), progress (LessonProgress)
lesson_started = Signal()
# kwargs: user, lesson (LessonPage), progress (LessonProgress)
lesson_completed = Signal()
# kwargs: user, course (CoursePage), completion (CourseCompletion)
course_completed = Signal()
