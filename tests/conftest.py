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
