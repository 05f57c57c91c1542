"""Template tags for the site frame: whether to show the team workspace link."""

from django import template
from django.core.cache import cache

from community.access import may_use_workspace

register = template.Library()

# The link is only a signpost (every /team/ view checks the scope afresh), so a
# role granted or revoked may take this long to show in the menu; in exchange, no
# page pays a database query for it.
NAV_CACHE_SECONDS = 300


@register.simple_tag(takes_context=True)
def show_team_link(context) -> bool:
    """True for volunteers, officers and city admins (`community.access` scope)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    key = f"teams:nav:{user.pk}"
    shown = cache.get(key)
    if shown is None:
        shown = may_use_workspace(user)
        cache.set(key, shown, NAV_CACHE_SECONDS)
    return shown
