from django.core.management import call_command

from accounts.models import User
from community.access import residents_visible_to
from community.models import Neighbourhood, RoleAssignment, Ward
from community.roles import EDITORS_GROUP
from tests.community.factories import PASSWORD  # noqa: F401  (same style as demo)


def snapshot():
    return (
        list(
            User.objects.order_by("pk").values_list(
                "pk", "phone", "password", "full_name"
            )
        ),
        list(Ward.objects.order_by("pk").values_list()),
        list(Neighbourhood.objects.order_by("pk").values_list()),
        list(
            RoleAssignment.objects.order_by("pk").values_list("pk", "user_id", "role")
        ),
    )


def test_seed_demo_is_idempotent_and_makes_the_documented_accounts(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert snapshot() == first

    ward = Ward.objects.get(name="Phường Gia Viên", city="Hải Phòng")
    assert ward.neighbourhoods.count() >= 8
    for phone in ["0900000001", "0900000002", "0900000003", "0900000009"]:
        response = client.post(
            "/accounts/login/", {"login": phone, "password": "hocvuso-demo"}
        )
        assert response.status_code == 302, phone
        client.logout()

    volunteer = User.objects.get(phone="+84900000002")
    served = {p.neighbourhood.number for p in residents_visible_to(volunteer)}
    assert served == {1, 2}
    officer = User.objects.get(phone="+84900000003")
    assert {p.neighbourhood.ward for p in residents_visible_to(officer)} == {ward}
    admin = User.objects.get(phone="+84900000009")
    assert admin.is_superuser and admin.groups.filter(name=EDITORS_GROUP).exists()
