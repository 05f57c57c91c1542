"""Events announced by community, once each, by the service that makes them.

Listeners (stats, teams) connect here; community never knows who listens.
"""

from django.dispatch import Signal

# kwargs: profile (ResidentProfile)
resident_registered = Signal()
