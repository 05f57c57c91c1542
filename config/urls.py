from allauth.account.views import logout as account_logout
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import (
    clear_site_data,
    healthz,
    manifest_view,
    media_serve,
    offline_view,
    service_worker_view,
)
from config.metrics import metrics_view


class AdminLoginRedirect(RedirectView):
    """Wagtail's own login page leads to allauth's: staff sign in one way only.

    Someone already signed in who may not use the admin (a volunteer, an officer) is
    told so; sending them to the login page would bounce them straight back here.
    """

    pattern_name = "account_login"
    query_string = True

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return render(request, "cms/admin_refused.html", status=403)
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # For the monitoring only: 404 to everyone else (config.metrics).
    path("internal/metrics", metrics_view, name="metrics"),
    # Offline reading (cms.offline): the worker must be served from the root.
    path("sw.js", service_worker_view, name="service_worker"),
    path("manifest.webmanifest", manifest_view, name="web_manifest"),
    path("offline/", offline_view, name="offline"),
    path("admin/login/", login_not_required(AdminLoginRedirect.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    # Signing out also empties what the service worker kept (shared phones).
    path("accounts/logout/", clear_site_data(account_logout)),
    path("accounts/me/", include("community.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("learning.urls")),
    path("certificates/", include("certificates.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("team/", include("teams.urls")),
    path("stats/", include("stats.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.MEDIA_URL.startswith("/"):
    # Uploaded images, sandboxed (cms.views.media_serve), on one machine and in
    # production alike; a CDN or proxy in front may serve the folder instead, with
    # the same headers (README).
    urlpatterns += [path(f"{settings.MEDIA_URL[1:]}<path:path>", media_serve)]

urlpatterns += [path("", include(wagtail_urls))]
