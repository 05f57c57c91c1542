"""`{% certificate_download course %}`: the link to download a certificate.

learning cannot import certificates (DESIGN.md §2); its templates load this tag.
"""

from django import template

from ..selectors import certificates_of

register = template.Library()


@register.inclusion_tag("certificates/includes/download_link.html", takes_context=True)
def certificate_download(context, course):
    """The signed-in person's valid certificate for `course`, as a download link."""
    request = context.get("request")
    user = getattr(request, "user", None)
    certificate = None
    if user is not None and user.is_authenticated and course is not None:
        # One query per request, however many course cards the page shows.
        mine = getattr(request, "_certificates_by_course", None)
        if mine is None:
            mine = request._certificates_by_course = certificates_of(user=user)
        certificate = mine.get(getattr(course, "pk", course))
    return {"certificate": certificate}
