"""Security headers on every response: Content-Security-Policy, Permissions-Policy,
and the sandbox that user files are served in.

- `SiteCSPMiddleware` is django-csp's middleware: public and staff pages get
  `settings.CONTENT_SECURITY_POLICY`, which allows no inline script or style (every
  script and style sheet is a file under /static/). Wagtail's admin uses inline
  scripts and styles, so paths under `/admin/` get the looser
  `settings.CONTENT_SECURITY_POLICY_ADMIN` instead. It also sends
  `settings.PERMISSIONS_POLICY` (no page uses the camera, microphone or location:
  people scan QR codes with the phone's own camera app).
- `UserFilesMiddleware` serves what editors uploaded (MEDIA_URL, Wagtail's
  documents) with `Content-Security-Policy: sandbox` and `X-Content-Type-Options:
  nosniff`: such a file opened on its own (an SVG in a new tab) runs no script and
  has no access to the site's origin, whatever got past the upload's sanitising
  (cms.svg). It sits outside RangeRequestsMiddleware so that partial (206)
  answers carry the headers too.

Referrer-Policy, Cross-Origin-Opener-Policy and nosniff on every page come from
Django's SecurityMiddleware (its defaults).
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import StreamingHttpResponse

ADMIN_PREFIX = "/admin/"
DOCUMENTS_PREFIX = "/documents/"
SANDBOX = "sandbox"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _sandboxed(response) -> None:
    policy = response.get("Content-Security-Policy", "")
    if SANDBOX not in (part.strip() for part in policy.split(";")):
        response["Content-Security-Policy"] = (
            f"{policy}; {SANDBOX}" if policy else SANDBOX
        )
    response["X-Content-Type-Options"] = "nosniff"


class UserFilesMiddleware:
    """Every answer under MEDIA_URL, and every document file Wagtail sends, is
    sandboxed. (A document's password page is a normal page: it must post its
    form, which a sandbox forbids.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.media_prefix = settings.MEDIA_URL if settings.MEDIA_URL[:1] == "/" else ""

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if (self.media_prefix and path.startswith(self.media_prefix)) or (
            path.startswith(DOCUMENTS_PREFIX)
            and isinstance(response, StreamingHttpResponse)
        ):
            _sandboxed(response)
        return response
