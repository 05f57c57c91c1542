"""Personal pages are never stored by a browser, a proxy or a CDN.

`PersonalPagesNoStoreMiddleware` marks every response to a signed-in person under
the personal path prefixes `private, no-store` (my learning, team, stats, account,
admin, quiz and certificate pages), so a shared family phone's back button or a
cache in front of the site never shows one person's data to another. The paths are
the printed contract (DESIGN.md §4) and the apps' URL prefixes: cms imports none of
those apps.
"""

from django.utils.cache import patch_cache_control

from .offline import PRIVATE_PREFIXES


class PersonalPagesNoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.path.startswith(PRIVATE_PREFIXES) and (
            (user is not None and user.is_authenticated)
            or request.path.startswith("/accounts/")
        ):
            patch_cache_control(response, private=True, no_store=True)
            response.headers.pop("Expires", None)
        return response
