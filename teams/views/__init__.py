"""HTTP for the volunteers' workspace at /team/: parse, call one service or selector,
render.

Who may enter and who may write is decided by `community.access`: volunteers,
officers and city admins enter; pages that write refuse officers, who only read.
Anyone asking for a person or an import they may not see gets a 404, the same as for
an id that does not exist; a person they see but may not change, a 403.
"""

from .care import (
    resident_details_view,
    resident_erase_view,
    resident_gone_view,
    resident_merge_search_view,
    resident_merge_view,
    resident_move_view,
    resident_phone_view,
)
from .files import (
    card_print_view,
    certificates_handout_view,
    import_job_view,
    import_upload_view,
    roster_export_view,
)
from .workspace import (
    enrol_view,
    home_view,
    nudges_view,
    resident_view,
    roster_view,
    session_new_view,
    sessions_view,
    vneid_confirm_view,
    vneid_declare_view,
)

__all__ = [
    "card_print_view",
    "certificates_handout_view",
    "enrol_view",
    "home_view",
    "import_job_view",
    "import_upload_view",
    "nudges_view",
    "resident_details_view",
    "resident_erase_view",
    "resident_gone_view",
    "resident_merge_search_view",
    "resident_merge_view",
    "resident_move_view",
    "resident_phone_view",
    "resident_view",
    "roster_export_view",
    "roster_view",
    "session_new_view",
    "sessions_view",
    "vneid_confirm_view",
    "vneid_declare_view",
]
