"""Tags for the site's frame: share cards, share links, the latest news."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..audio import children_with_audio_count
from ..models import NewsIndexPage
from ..selectors import latest_news as select_latest_news
from ..sharing import share_card

register = template.Library()


def _card(page, request):
    """One share card per page and request: the head and the links share it."""
    card = getattr(page, "_cms_share_card", None)
    if card is None:
        card = page._cms_share_card = share_card(
            page,
            request=request,
            default_description=_(
                "Short lessons on the phone: VNeID, online public services, "
                "cashless payment, staying safe online."
            ),
        )
    return card


@register.inclusion_tag("cms/includes/og_meta.html", takes_context=True)
def og_meta(context, page):
    """Open Graph and Twitter card tags for a Wagtail page; nothing for other pages."""
    if not isinstance(page, Page):
        return {"card": None}
    return {
        "card": _card(page, context.get("request")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page):
    """Facebook link, the phone's share sheet (Zalo …) and "copy link": no third-party
    script is loaded."""
    if not isinstance(page, Page):
        return {"card": None}
    return {"card": _card(page, context.get("request"))}


@register.inclusion_tag("cms/includes/news_teasers.html", takes_context=True)
def latest_news(context, limit: int = 3):
    return {
        "news": select_latest_news(limit=limit),
        "show_tags": False,
        "index": NewsIndexPage.objects.live().order_by("path").first(),
        "request": context.get("request"),
    }


@register.simple_tag
def children_with_audio(page) -> int:
    """How many live child pages have audio narration (a course: its lessons)."""
    if not isinstance(page, Page):
        return 0
    return children_with_audio_count(page)
