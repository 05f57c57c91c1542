import mimetypes
from functools import wraps

from csp.decorators import csp_exempt
from django.apps import apps
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import storages
from django.db import DatabaseError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_safe
from django.views.static import was_modified_since
from wagtail.models import Page

from .offline import service_worker_source, web_manifest
from .posters import poster_render_pdf
from .selectors import poster_content_for
from .services import POSTER_SIZES, poster_create


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# --- User media (images editors uploaded) -----------------------------------------

# Wagtail's documents are sent only by their own view, which checks a collection's
# privacy; unfinished multiple uploads are nobody's to see.
MEDIA_NOT_SERVED = ("documents/", "uploaded_files/")
MEDIA_MAX_AGE = 24 * 60 * 60


@csp_exempt()
@require_safe
def media_serve(request, path: str):
    """A file of the default storage at MEDIA_URL, on one machine and in production
    alike (README: where user media is served). cms.headers.UserFilesMiddleware
    adds `Content-Security-Policy: sandbox` and `nosniff`; byte ranges come from
    cms.middleware.RangeRequestsMiddleware."""
    if not path or path.endswith("/") or path.startswith(MEDIA_NOT_SERVED):
        raise Http404
    storage = storages["default"]
    try:
        modified = storage.get_modified_time(path)
        handle = storage.open(path, "rb")
    except (SuspiciousFileOperation, OSError, NotImplementedError) as exc:
        raise Http404 from exc
    if not was_modified_since(
        request.headers.get("If-Modified-Since"), modified.timestamp()
    ):
        handle.close()
        return HttpResponseNotModified()
    content_type, encoding = mimetypes.guess_type(path)
    response = FileResponse(
        handle, content_type=content_type or "application/octet-stream"
    )
    if encoding:
        response["Content-Encoding"] = encoding
    response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = f"public, max-age={MEDIA_MAX_AGE}"
    return response


# --- Posters (Wagtail admin: mounted by cms.wagtail_hooks under /admin/posters/) ----


def _editable_live_page(request, page_id: int) -> Page:
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


def _poster_response(request, page, size: str, neighbourhood=None) -> HttpResponse:
    """A new poster batch of `page` as a PDF attachment to print."""
    poster = poster_create(
        page=page,
        user=request.user,
        size=size,
        neighbourhood_id=neighbourhood.pk if neighbourhood else None,
    )
    pdf = poster_render_pdf(poster_content_for(poster=poster))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="poster-{page.slug}-{size.lower()}-{poster.code}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def poster_print(request, page_id: int):
    """A new printed batch of a live page's poster: the form (GET, which writes
    nothing: a link followed, a prefetch or a reopened tab makes no batch), then the
    PDF (POST), with the neighbourhood where the batch is put up picked first
    (optional), so that the statistics count its visits there.

    `?size=A4|A3` preselects the paper size (the page's A4/A3 buttons). The
    neighbourhood is read through the app registry: cms imports no other app of ours
    (DESIGN.md §2)."""
    page = _editable_live_page(request, page_id)
    neighbourhoods = (
        apps.get_model("community", "Neighbourhood")
        .objects.select_related("ward")
        .order_by("ward__name", "number", "name")
    )
    data = request.POST if request.method == "POST" else request.GET
    size = data.get("size", "").upper()
    if size and size not in POSTER_SIZES:
        raise Http404
    if request.method != "POST":
        return TemplateResponse(
            request,
            "cms/poster_print.html",
            {
                "page": page,
                "sizes": POSTER_SIZES,
                "size": size or POSTER_SIZES[0],
                "neighbourhoods": neighbourhoods,
            },
        )
    chosen = data.get("neighbourhood", "")
    neighbourhood = None
    if chosen:
        neighbourhood = neighbourhoods.filter(
            pk=int(chosen) if chosen.isdigit() and len(chosen) < 19 else 0
        ).first()
        if neighbourhood is None:
            raise Http404
    return _poster_response(request, page, size or POSTER_SIZES[0], neighbourhood)


# --- Offline reading and sign-out ---------------------------------------------------


def offline_view(request):
    """The page the service worker shows for a page this phone has not kept."""
    return render(request, "cms/offline.html")


def service_worker_view(request):
    """`/sw.js`, from the root so that its scope is the whole site."""
    response = HttpResponse(
        service_worker_source(), content_type="application/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    # Browsers check for a new worker on navigation; never serve them a stale one.
    response["Cache-Control"] = "no-cache"
    return response


def manifest_view(request):
    """`/manifest.webmanifest`: name, icons and colours for "add to home screen"."""
    response = JsonResponse(
        web_manifest(),
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response


def clear_site_data(view):
    """Wrap the sign-out view: a successful sign-out POST tells the browser to drop
    what this site kept (the service worker's pages, its storage), for phones
    shared in a family."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if (
            request.method == "POST"
            and response.status_code in (200, 302, 303)
            and not request.user.is_authenticated
        ):
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response

    return wrapped
