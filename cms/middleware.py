from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class CookieLocaleMiddleware:
    """Vietnamese unless the language cookie says otherwise.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language and
    uses no URL prefix: a phone set to English still gets Vietnamese until the person
    presses the switch, and printed paths never change (DESIGN.md §6).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


RANGE_CHUNK = 64 * 1024


def _parse_range(header: str, size: int):
    """One `bytes=` range -> (start, end) inclusive; None to ignore; False if
    unsatisfiable. Several ranges are ignored (a full 200 is a valid answer)."""
    unit, _sep, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, _dash, last = spec.strip().partition("-")
    try:
        if first == "":  # suffix: the last N bytes
            length = int(last)
            if length <= 0:
                return False
            return max(size - length, 0), size - 1
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start >= size or end < start:
        return False
    return start, min(end, size - 1)


def _stream(filelike, start: int, length: int):
    try:
        filelike.seek(start)
        while length > 0:
            chunk = filelike.read(min(RANGE_CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        filelike.close()


class RangeRequestsMiddleware:
    """Answer `Range:` requests for files (206 Partial Content).

    iPhone Safari plays audio and video only from servers that honour byte ranges, and
    Android browsers seek with them. Django's FileResponse (used by Wagtail's document
    view and by the media view on one machine) always sends the whole file; in
    production a CDN or object storage does this job in front of us.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or not isinstance(response, FileResponse)
            or response.status_code != 200
        ):
            return response
        response.headers["Accept-Ranges"] = "bytes"
        header = request.headers.get("Range")
        filelike = getattr(response, "file_to_stream", None)
        size = int(response.headers.get("Content-Length") or 0)
        if not header or not size or not hasattr(filelike, "seek"):
            return response
        if_range = request.headers.get("If-Range")
        if if_range and if_range not in (
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
        ):
            return response
        wanted = _parse_range(header, size)
        if wanted is None:
            return response
        if wanted is False:
            response.close()
            refused = HttpResponse(status=416)
            refused.headers["Content-Range"] = f"bytes */{size}"
            return refused
        start, end = wanted
        length = end - start + 1
        partial = StreamingHttpResponse(
            _stream(filelike, start, length),
            status=206,
            content_type=response.headers.get("Content-Type"),
        )
        for name in ("Content-Disposition", "Last-Modified", "ETag", "Cache-Control"):
            if name in response.headers:
                partial.headers[name] = response.headers[name]
        partial.headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        partial.headers["Content-Length"] = str(length)
        partial.headers["Accept-Ranges"] = "bytes"
        return partial
