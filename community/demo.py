"""Demo ward, neighbourhoods and accounts.

Created by `seed_demo` only, never by migrations.
"""

from accounts.models import User

from .models import Neighbourhood, ResidentProfile, Ward
from .roles import Role
from .services import resident_register, role_grant

DEMO_PASSWORD = "hocvuso-demo"
DEMO_WARD = ("Phường Gia Viên", "Hải Phòng")
# A second ward, so that "other ward" can be seen in the demo.
OTHER_WARD = ("Phường Ngô Quyền", "Hải Phòng")
ADULTS = [412, 386, 455, 298, 367, 520, 341, 389, 276, 433]


def _ward(name, city, **issuer) -> Ward:
    ward, _created = Ward.objects.get_or_create(name=name, city=city, defaults=issuer)
    return ward


def _neighbourhoods(ward: Ward, count: int) -> list[Neighbourhood]:
    result = []
    for number in range(1, count + 1):
        neighbourhood, _created = Neighbourhood.objects.get_or_create(
            ward=ward,
            name=f"Tổ dân phố số {number}",
            defaults={"number": number, "adult_population": ADULTS[number - 1]},
        )
        result.append(neighbourhood)
    return result


def _person(phone, full_name, birth_year, neighbourhood, log) -> User:
    user = User.objects.filter(phone=phone).first()
    if user is None:
        user = User.objects.create_user(phone=phone, password=DEMO_PASSWORD)
        user.phone_verified = True
        user.save(update_fields=["phone_verified"])
        log(f"  created {phone} {full_name}")
    if not ResidentProfile.objects.filter(user=user).exists():
        resident_register(
            user=user,
            full_name=full_name,
            birth_year=birth_year,
            neighbourhood=neighbourhood,
        )
    return user


def seed_demo(*, log) -> None:
    log("community: wards, neighbourhoods, demo accounts")
    ward = _ward(
        *DEMO_WARD,
        certificate_authority="Ủy ban nhân dân phường Gia Viên",
        certificate_signer_name="Nguyễn Thị Hoa",
        certificate_signer_title="Phó Chủ tịch Ủy ban nhân dân phường",
    )
    tdp = _neighbourhoods(ward, 10)
    other = _ward(
        *OTHER_WARD,
        certificate_authority="Ủy ban nhân dân phường Ngô Quyền",
        certificate_signer_name="Lê Văn Nam",
        certificate_signer_title="Phó Chủ tịch Ủy ban nhân dân phường",
    )
    _neighbourhoods(other, 3)

    _person("+84900000001", "Nguyễn Thị Lan", 1962, tdp[0], log)
    volunteer = _person("+84900000002", "Trần Văn Bình", 1990, tdp[1], log)
    for neighbourhood in tdp[:2]:
        role_grant(user=volunteer, role=Role.VOLUNTEER, neighbourhood=neighbourhood)
    officer = _person("+84900000003", "Phạm Minh Tuấn", 1985, tdp[2], log)
    role_grant(user=officer, role=Role.OFFICER, ward=ward)
    editor = _person("+84900000009", "Lê Thu Hà", 1988, tdp[3], log)
    role_grant(user=editor, role=Role.EDITOR)
    role_grant(user=editor, role=Role.CITY_ADMIN)
