"""Course cards for pages outside learning (the home page), DESIGN.md §2."""

from django import template

from ..models import CourseIndexPage
from ..selectors import course_cards as select_course_cards

register = template.Library()


@register.inclusion_tag("includes/course_cards.html", takes_context=True)
def course_cards(context):
    """Every live course of the catalogue, with the visitor's progress."""
    request = context["request"]
    index = CourseIndexPage.objects.live().order_by("path").first()
    cards = select_course_cards(index=index, user=request.user) if index else []
    return {"cards": cards, "request": request, "user": request.user}
