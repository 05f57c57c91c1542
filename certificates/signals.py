"""Events announced by certificates, once each, by the service that makes them.

Sent with `transaction.on_commit`, so a rolled-back write announces nothing.
"""

from django.dispatch import Signal

# kwargs: certificate (Certificate)
certificate_issued = Signal()
# kwargs: certificate (Certificate), reason (str)
certificate_revoked = Signal()
