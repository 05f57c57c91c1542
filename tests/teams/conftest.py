"""People around one volunteer: who lives where, and who may see whom."""

import pytest

from community.roles import Role
from tests.browser.conftest import (  # noqa: F401 (the phone set-up for test_care_browser)
    browser_context_args,
    browser_type_launch_args,
    phone_screenshot,
)


@pytest.fixture
def team(places, make_resident, make_staff):
    """A volunteer of n1, officers of both wards, and residents of n1, n2 and n3."""
    return {
        **places,
        "volunteer": make_staff(
            Role.VOLUNTEER, neighbourhood=places["n1"], full_name="Trần Văn Bình"
        ),
        "officer": make_staff(
            Role.OFFICER, ward=places["ward"], full_name="Phạm Minh Tuấn"
        ),
        "other_officer": make_staff(
            Role.OFFICER, ward=places["other_ward"], full_name="Lê Văn Nam"
        ),
        "r1": make_resident(places["n1"], full_name="Nguyễn Văn An"),
        "r2": make_resident(places["n2"], full_name="Đỗ Thị Đào"),
        "r3": make_resident(places["n3"], full_name="Hoàng Văn Cường"),
    }
