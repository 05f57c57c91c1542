"""Writes for community: residents and roles. The only place these rows are made."""

from .care import (
    access_log_record,
    access_log_record_people,
    resident_details_update,
    resident_erase,
    resident_mark_gone,
    resident_merge_into,
    resident_move,
    resident_phone_change,
)
from .residents import (
    NewResident,
    resident_register,
    residents_register_imported,
)
from .roles import (
    role_grant,
    role_revoke,
)

__all__ = [
    "NewResident",
    "access_log_record",
    "access_log_record_people",
    "resident_details_update",
    "resident_erase",
    "resident_mark_gone",
    "resident_merge_into",
    "resident_move",
    "resident_phone_change",
    "resident_register",
    "residents_register_imported",
    "role_grant",
    "role_revoke",
]
