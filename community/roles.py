"""Role names, in one place (Kolibri's role_kinds). Scopes live on RoleAssignment."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # A resident is anyone with a ResidentProfile; it is not assigned.
    VOLUNTEER = "volunteer", _("Volunteer (community tech team)")
    OFFICER = "officer", _("Ward police or official")
    EDITOR = "editor", _("Editor (culture office)")
    CITY_ADMIN = "city_admin", _("City administrator")


# Roles that must name a neighbourhood or a ward; the others are not scoped.
NEIGHBOURHOOD_SCOPED = {Role.VOLUNTEER}
WARD_SCOPED = {Role.OFFICER}

# The Wagtail group whose permissions editors receive. Wagtail's stock "Moderators"
# group, because the culture office both writes and publishes (stock "Editors" may
# only submit drafts for moderation); neither group sees any user or resident.
EDITORS_GROUP = "Moderators"
