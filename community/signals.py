"""Events announced by community, once each, by the service that makes them.

Listeners (stats, teams, certificates) connect here; community never knows who
listens. All are sent with `transaction.on_commit`: a rolled-back write announces
nothing.
"""

from django.dispatch import Signal

# kwargs: profile (ResidentProfile)
resident_registered = Signal()

# kwargs: profile (ResidentProfile, already in its new neighbourhood),
#         from_neighbourhood_id (int)
resident_moved = Signal()

# A correction that changes what statistics group by (birth year), or the name the
# rosters search. kwargs: profile (ResidentProfile), fields (frozenset of changed
# field names, e.g. {"full_name", "birth_year"})
resident_updated = Signal()

# The resident left the active residents: moved away, deceased, or withdrew their
# consent (their personal data is then erased). kwargs: profile (ResidentProfile,
# with its new status), previous_status (str)
resident_removed = Signal()

# Two records of one person became one: everything of `merged_user_id` now belongs to
# `profile`'s user, and the merged profile is gone. kwargs: profile (the kept
# ResidentProfile), merged_user_id (int), merged_neighbourhood_id (int)
residents_merged = Signal()
