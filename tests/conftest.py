import pytest
from django.core.cache import cache

from community.roles import Role
from community.services import resident_register, role_grant
from tests.community.factories import NeighbourhoodFactory, UserFactory, WardFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    ):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _wagtail_tree(request):
    """Put back the page tree that migrations create, for transactional tests.

    Those tests (live server, threads on PostgreSQL) truncate every table when they
    end, migration data included; Django's serialized rollback cannot reload
    Wagtail's tree (foreign keys between pages, locales and sites).
    """
    if not _is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page, Site

    from cms.models import HomePage

    if HomePage.objects.exists():
        return
    locale, _created = Locale.objects.get_or_create(
        language_code=settings.LANGUAGE_CODE
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(
        instance=HomePage(title="Bình dân học vụ số", slug="home", locale=locale)
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": "Bình dân học vụ số",
        },
    )


@pytest.fixture
def places(db):
    """Two wards; the first with two neighbourhoods, the second with one."""
    ward = WardFactory(name="Phường Gia Viên")
    other_ward = WardFactory(name="Phường Ngô Quyền")
    return {
        "ward": ward,
        "other_ward": other_ward,
        "n1": NeighbourhoodFactory(ward=ward, number=1),
        "n2": NeighbourhoodFactory(ward=ward, number=2),
        "n3": NeighbourhoodFactory(ward=other_ward, number=1),
    }


@pytest.fixture
def make_resident(db):
    def make(neighbourhood, **kwargs):
        user = UserFactory(**kwargs)
        resident_register(
            user=user,
            full_name=user.full_name,
            birth_year=user.birth_year,
            neighbourhood=neighbourhood,
        )
        return user

    return make


@pytest.fixture
def make_staff(db):
    def make(role, *, ward=None, neighbourhood=None, **kwargs):
        user = UserFactory(**kwargs)
        role_grant(user=user, role=role, ward=ward, neighbourhood=neighbourhood)
        return user

    return make


@pytest.fixture
def roles():
    return Role


class DemoContent:
    """A copy of `learning/demo_content/` that the demo seeds read, to edit."""

    def __init__(self, root):
        self.root = root

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, name: str, text: str) -> None:
        path = self.root / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.fixture
def demo_content(tmp_path, monkeypatch):
    import shutil

    from learning import demo

    root = tmp_path / "demo_content"
    shutil.copytree(demo.CONTENT, root)
    monkeypatch.setattr(demo, "CONTENT", root)
    return DemoContent(root)
