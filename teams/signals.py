"""Events announced by teams, once each, by the service that makes them.

Listeners (stats) connect here; teams never knows who listens. Sent with
`transaction.on_commit`, so a rolled-back write announces nothing.
"""

from django.dispatch import Signal

# kwargs: session (GroupSession)
session_logged = Signal()

# A person's VNeID level 2 was confirmed by a volunteer or declared by them.
# kwargs: record (VneidLevel2), previous_status (str, "" when there was none)
vneid_recorded = Signal()
