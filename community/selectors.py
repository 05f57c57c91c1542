"""Reads for community."""

from django.db.models import QuerySet

from .models import Neighbourhood


def neighbourhood_choices() -> QuerySet[Neighbourhood]:
    """Every neighbourhood, ward by ward, for a resident to say where they live."""
    return Neighbourhood.objects.select_related("ward").order_by(
        "ward__city", "ward__name", "number", "name"
    )
