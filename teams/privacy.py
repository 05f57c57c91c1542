"""teams' part of "download my data" (`community.privacy`): VNeID, group sessions
attended and reminders sent."""

from django.utils.translation import gettext_lazy as _

from community.privacy import person_name, personal_data_register

from .models import GroupSession, Nudge, VneidLevel2


def vneid_of_person(user) -> list[dict]:
    record = VneidLevel2.objects.filter(user=user).select_related("recorded_by")
    return [
        {
            "status": vneid.get_status_display(),
            "activated_on": vneid.activated_on,
            "recorded_by": person_name(vneid.recorded_by),
            "recorded_at": vneid.recorded_at,
        }
        for vneid in record
    ]


def sessions_of_person(user) -> list[dict]:
    sessions = (
        GroupSession.objects.filter(attendees=user)
        .select_related("volunteer", "course", "neighbourhood")
        .order_by("held_on", "pk")
    )
    return [
        {
            "held_on": session.held_on,
            "place": session.place,
            "course": session.course.title if session.course else "",
            "volunteer": person_name(session.volunteer),
        }
        for session in sessions
    ]


def reminders_of_person(user) -> list[dict]:
    return [
        {
            "sent_at": nudge.sent_at,
            "sent_by": person_name(nudge.sent_by),
            "idle_days": nudge.idle_days,
        }
        for nudge in Nudge.objects.filter(resident=user)
        .select_related("sent_by")
        .order_by("sent_at", "pk")
    ]


personal_data_register(
    "vneid",
    _("VNeID level 2"),
    vneid_of_person,
    labels={
        "status": _("Status"),
        "activated_on": _("Activated on"),
        "recorded_by": _("Recorded by"),
        "recorded_at": _("Recorded on"),
    },
    order=60,
)
personal_data_register(
    "group_sessions",
    _("Group sessions you attended"),
    sessions_of_person,
    labels={
        "held_on": _("Date"),
        "place": _("Place"),
        "course": _("Course"),
        "volunteer": _("Volunteer"),
    },
    order=65,
)
personal_data_register(
    "reminders",
    _("Reminders sent to you"),
    reminders_of_person,
    labels={
        "sent_at": _("Sent on"),
        "sent_by": _("Sent by"),
        "idle_days": _("Days without progress"),
    },
    order=70,
)
