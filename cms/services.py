"""Writes for the site's frame: posters and the visits counted through them."""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Poster, PosterVisit
from .signals import poster_visited

# Lower-case letters and digits that cannot be mistaken for each other when typed.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 6
POSTER_SIZES = ("A4", "A3")


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def poster_create(
    *, page, user, size: str = "A4", neighbourhood_id: int | None = None
) -> Poster:
    """A new printed batch of a page's poster, with its own short code; put up in
    `neighbourhood_id` when given, so that its visits count there."""
    if size not in POSTER_SIZES:
        raise ValueError(f"Unknown poster size {size!r}")
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Poster.objects.create(
                    code=_new_code(),
                    page=page,
                    size=size,
                    neighbourhood_id=neighbourhood_id,
                    created_by=user if user and user.is_authenticated else None,
                )
        except IntegrityError:  # the same code twice: draw again
            continue
    raise RuntimeError("Could not draw a free poster code")


@transaction.atomic
def poster_visit_record(*, poster: Poster, day=None) -> None:
    """Count one visit through a poster, in its total and on the day (local time)."""
    day = day or timezone.localdate()
    Poster.objects.filter(pk=poster.pk).update(visits=F("visits") + 1)
    visit, created = PosterVisit.objects.get_or_create(
        poster=poster, day=day, defaults={"count": 1}
    )
    if not created:
        PosterVisit.objects.filter(pk=visit.pk).update(count=F("count") + 1)
    transaction.on_commit(
        lambda: poster_visited.send(sender=Poster, poster=poster, day=day)
    )
