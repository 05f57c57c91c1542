"""Printed sign-in cards: a pure renderer and the service that issues them.

A card carries the resident's name and a QR code with a one-time sign-in link
(`accounts.services.signin_card_issue`). A6 prints one card a page; A4 puts four on a
sheet, cut along the dashed lines.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string

from accounts.models import User
from accounts.services import signin_card_issue, signin_card_url
from cms.pdf import html_to_pdf, qr_png_data_uri
from community.access import Change, can_change_resident
from community.models import AccessLogEntry, ResidentProfile

from .services import staff_access_record

LAYOUTS = ("a6", "a4")


@dataclass(frozen=True)
class CardContent:
    full_name: str
    neighbourhood: str
    ward: str
    url: str
    expires_on: date
    has_phone: bool


def cards_render_pdf(cards: list[CardContent], *, layout: str = "a6") -> bytes:
    """PDF bytes for these cards. Everything typed by people is autoescaped."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    items = [{"card": card, "qr": qr_png_data_uri(card.url)} for card in cards]
    sheets = [items[i : i + 4] for i in range(0, len(items), 4)]
    html = render_to_string(
        "teams/signin_cards_pdf.html",
        {"items": items, "sheets": sheets, "layout": layout},
    )
    return html_to_pdf(html)


@transaction.atomic
def cards_issue(
    *, profiles: list[ResidentProfile], issued_by: User
) -> list[CardContent]:
    """A new card for each resident (their older cards stop working); each card
    printed for someone else is logged. Refused unless `issued_by` may print a card
    for every one of them (`community.access`: never for a staff account)."""
    if not all(can_change_resident(issued_by, p, Change.CARD) for p in profiles):
        raise PermissionDenied
    contents = []
    for profile in profiles:
        card, token = signin_card_issue(user=profile.user, issued_by=issued_by)
        staff_access_record(
            actor=issued_by,
            action=AccessLogEntry.Action.CARD_PRINTED,
            profile=profile,
            detail="sign-in card",
        )
        contents.append(
            CardContent(
                full_name=profile.user.full_name,
                neighbourhood=profile.neighbourhood.name,
                ward=profile.neighbourhood.ward.name,
                url=signin_card_url(token),
                expires_on=card.expires_at.date(),
                has_phone=bool(profile.user.phone),
            )
        )
    return contents
