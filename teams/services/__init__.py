"""Writes for the volunteers' workspace. The only place these rows are made.

Every service that acts on people checks `community.access` itself, so a view that
forgot to would still not widen anyone's reach.
"""

from .merge import (
    residents_merge,
)
from .workspace import (
    NudgeResult,
    PhoneTaken,
    import_job_confirm,
    import_job_create,
    import_jobs_expire,
    neighbour_enrol,
    nudge_send,
    session_log,
    staff_access_record,
    vneid_confirm,
    vneid_declare,
)

__all__ = [
    "NudgeResult",
    "PhoneTaken",
    "import_job_confirm",
    "import_jobs_expire",
    "import_job_create",
    "neighbour_enrol",
    "nudge_send",
    "residents_merge",
    "session_log",
    "staff_access_record",
    "vneid_confirm",
    "vneid_declare",
]
