from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stats"
    verbose_name = _("Movement statistics")

    def ready(self):
        from certificates.signals import certificate_issued
        from cms.signals import poster_visited
        from community.signals import (
            resident_moved,
            resident_registered,
            resident_removed,
            resident_updated,
            residents_merged,
        )
        from learning.signals import course_completed, lesson_started
        from teams.signals import session_logged, vneid_recorded

        from . import receivers

        # Every announcement below keeps the summary rows current (DESIGN.md §2).
        for signal, receiver in [
            (resident_registered, receivers.on_resident_registered),
            (resident_moved, receivers.on_resident_moved),
            (resident_updated, receivers.on_resident_updated),
            (resident_removed, receivers.on_resident_removed),
            (residents_merged, receivers.on_residents_merged),
            (lesson_started, receivers.on_lesson_started),
            (course_completed, receivers.on_course_completed),
            (certificate_issued, receivers.on_certificate_issued),
            (session_logged, receivers.on_session_logged),
            (vneid_recorded, receivers.on_vneid_recorded),
            (poster_visited, receivers.on_poster_visited),
        ]:
            signal.connect(receiver, dispatch_uid=f"stats.{receiver.__name__}")
