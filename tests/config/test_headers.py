"""Security headers on every response (issue #18): every URL pattern that needs no
argument, for a visitor and a city admin, and the pages that need one.

Public and staff pages: a Content-Security-Policy with no 'unsafe-inline' (and no
inline script, style or event attribute in what they send); /admin/ its own, looser
policy; user files sandboxed; Permissions-Policy, Referrer-Policy,
Cross-Origin-Opener-Policy and nosniff everywhere, 404 and 403 pages included.
"""

import re

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.images import get_image_model

from certificates.services import certificate_issue
from community.roles import Role
from learning.services import lesson_complete
from tests.learning.factories import make_course
from tests.quizzes.factories import make_quiz

# Paths the walk leaves out: a GET would end the session it walks with, or is
# Wagtail's deliberate error page (checked on its own below, as the 500 page).
SKIPPED = ("logout", "failwhale")
INLINE = [
    ("inline script", re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*json)[^>]*>", re.I)),
    ("style element", re.compile(r"<style\b", re.I)),
    ("style attribute", re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)),
    ("event attribute", re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)),
    ("javascript: link", re.compile(r"=\s*[\"']?\s*javascript:", re.I)),
]


def _paths(resolvers, prefix="") -> list[str]:
    """Every URL pattern that resolves without an argument, as a path."""
    found = []
    for entry in resolvers:
        pattern = entry.pattern
        if getattr(pattern, "converters", None):
            continue
        if hasattr(pattern, "regex") and pattern.regex.groups:
            continue
        route = str(pattern).lstrip("^").rstrip("$").replace("\\.", ".")
        if re.search(r"[\\()\[\]*+?|]", route):
            continue
        if isinstance(entry, URLResolver):
            found += _paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            found.append("/" + prefix + route)
    return sorted(set(found))


def _policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def check(path: str, response, *, error: bool = False) -> None:
    where = f"{path} ({response.status_code})"
    assert (response.status_code >= 500) is error, where
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff", where
    assert headers["Referrer-Policy"] == "same-origin", where
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin", where
    permissions = headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, where
    policy = _policy(response)
    if path.startswith(settings.MEDIA_URL):
        assert "sandbox" in policy, where
        return
    if path.startswith("/admin/"):
        assert policy["frame-ancestors"] == ["'self'"], where
        assert policy["object-src"] == ["'none'"], where
        return
    for directive in ("default-src", "script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], where
        assert "'unsafe-eval'" not in policy[directive], where
    assert policy["default-src"] == ["'self'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    assert policy["base-uri"] == ["'none'"], where
    if headers.get("Content-Type", "").startswith("text/html") and not getattr(
        response, "streaming", False
    ):
        html = response.content.decode()
        for what, found in INLINE:
            match = found.search(html)
            assert match is None, f"{where}: {what}: {match and match.group(0)}"


@pytest.fixture
def site(places, make_resident, make_staff, django_capture_on_commit_callbacks):
    """A course whose last lesson has a quiz, a resident with its certificate, and
    one person of each staff role."""
    course, lessons = make_course(lessons=2, slug="vneid")
    resident = make_resident(places["n1"])
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            lesson_complete(user=resident, lesson=lesson)
        certificate = certificate_issue(user=resident, course=course)
    make_quiz(lessons[-1])
    image = get_image_model()(
        title="hình",
        file=ContentFile(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
            name="hinh.svg",
        ),
    )
    image.save()
    return {
        "course": course,
        "lessons": lessons,
        "resident": resident,
        "certificate": certificate,
        "image": image,
        "volunteer": make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]),
        "officer": make_staff(Role.OFFICER, ward=places["ward"]),
        "city_admin": make_staff(Role.CITY_ADMIN, is_staff=True, is_superuser=True),
        "n1": places["n1"],
    }


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_walk_reaches_the_patterns_that_matter():
    paths = _paths(get_resolver().url_patterns)
    for path in ("/healthz", "/sw.js", "/accounts/login/", "/team/", "/stats/"):
        assert path in paths
    assert sum(path.startswith("/admin/") for path in paths) > 50


@pytest.mark.parametrize("who", [None, "city_admin"])
def test_every_pattern_without_arguments_sends_the_headers(site, who):
    client = _client(site[who] if who else None)
    paths = [
        path
        for path in _paths(get_resolver().url_patterns)
        if not any(word in path for word in SKIPPED)
    ]
    for path in paths:
        check(path, client.get(path))
    assert len(paths) > 100


def test_pages_with_arguments_send_the_headers(site):
    course, lessons = site["course"], site["lessons"]
    visitor = _client()
    resident = _client(site["resident"])
    volunteer = _client(site["volunteer"])
    officer = _client(site["officer"])
    admin = _client(site["city_admin"])
    code = site["certificate"].code
    rendition = site["image"].get_rendition("max-80x80|preserve-svg")
    pages = [
        (visitor, "/", 200),
        (visitor, course.url, 200),
        (visitor, lessons[0].url, 200),
        (resident, lessons[-1].url, 200),
        (resident, f"/quizzes/lessons/{lessons[-1].pk}/", 200),
        (resident, "/learning/my/", 200),
        (visitor, f"/certificates/verify/{code}/", 200),
        (visitor, "/certificates/verify/AAAA-BBBB/", 404),
        (resident, f"/certificates/{code}.pdf", 200),
        (volunteer, f"/team/n/{site['n1'].pk}/", 200),
        (volunteer, f"/team/people/{site['resident'].resident_profile.pk}/", 200),
        (volunteer, "/team/n/999999/", 404),
        (officer, "/stats/", 200),
        (volunteer, "/stats/city/", 403),
        (volunteer, "/admin/login/", 403),
        (admin, "/admin/", 200),
        (admin, f"/admin/pages/{course.pk}/edit/", 200),
        (admin, f"/admin/pages/{course.pk}/", 200),
        (visitor, "/khong-co-trang-nay/", 404),
        (visitor, "/admin/pages/", 302),
        (visitor, site["image"].file.url, 200),
        (visitor, rendition.url, 200),
        (visitor, f"{settings.MEDIA_URL}original_images/khong-co.svg", 404),
    ]
    for client, path, status in pages:
        response = client.get(path)
        assert response.status_code == status, path
        check(path, response)


def test_an_error_page_sends_the_headers_too(site):
    client = Client(raise_request_exception=False)
    client.force_login(site["city_admin"])
    response = client.get("/admin/failwhale/")
    assert response.status_code == 500
    check("/admin/failwhale/", response, error=True)


def test_a_refused_form_post_sends_the_headers_too(site):
    """Django's CSRF refusal (403) is a page of its own."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "0900000001"})
    assert response.status_code == 403
    assert "Biểu mẫu chưa được gửi đi" in response.content.decode()
    check("/accounts/login/", response)
