"""Events announced by teams, once each, by the service that makes them.

Listeners (stats) connect here; teams never knows who listens. Sent with
`transaction.on_commit`, so a rolled-back write announces nothing.
"""

from django.dispatch import Signal

# kwargs: session (GroupSession)
session_logged = Signal()
