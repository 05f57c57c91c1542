"""Events announced by cms, once each, by the service that makes them.

Listeners (stats) connect here; cms never knows who listens. Sent with
`transaction.on_commit`: a rolled-back write announces nothing.
"""

from django.dispatch import Signal

# One visit arrived through a printed poster's QR code.
# kwargs: poster (Poster), day (date, local)
poster_visited = Signal()
