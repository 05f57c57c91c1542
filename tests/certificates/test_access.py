"""Who may download `/certificates/<code>.pdf` (DESIGN.md §4), via community.access."""

import pytest
from django.urls import reverse


def pdf_url(certificate) -> str:
    return reverse("certificates:pdf", args=[certificate.code])


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("volunteer_of_the_neighbourhood", 200),
        ("volunteer_elsewhere_in_the_ward", 404),
        ("volunteer_of_another_ward", 404),
        ("officer_of_the_ward", 200),
        ("officer_elsewhere", 404),
        ("city_admin", 200),
        ("editor", 404),
        ("another_resident", 404),
        ("anonymous", 404),
    ],
)
def test_pdf_download_by_role(
    who, status, issued, holder, places, make_staff, make_resident, roles, client
):
    people = {
        "owner": lambda: holder,
        "volunteer_of_the_neighbourhood": lambda: make_staff(
            roles.VOLUNTEER, neighbourhood=places["n1"]
        ),
        "volunteer_elsewhere_in_the_ward": lambda: make_staff(
            roles.VOLUNTEER, neighbourhood=places["n2"]
        ),
        "volunteer_of_another_ward": lambda: make_staff(
            roles.VOLUNTEER, neighbourhood=places["n3"]
        ),
        "officer_of_the_ward": lambda: make_staff(roles.OFFICER, ward=places["ward"]),
        "officer_elsewhere": lambda: make_staff(
            roles.OFFICER, ward=places["other_ward"]
        ),
        "city_admin": lambda: make_staff(roles.CITY_ADMIN),
        "editor": lambda: make_staff(roles.EDITOR),
        "another_resident": lambda: make_resident(places["n1"]),
        "anonymous": lambda: None,
    }
    user = people[who]()
    if user is not None:
        client.force_login(user)
    response = client.get(pdf_url(issued))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
        assert response.content.startswith(b"%PDF-")
    else:
        assert not response.content.startswith(b"%PDF-")


def test_an_unknown_code_is_the_same_404_as_a_forbidden_one(db, holder, client):
    client.force_login(holder)
    response = client.get("/certificates/ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567.pdf")
    assert response.status_code == 404


def test_a_revoked_certificate_is_no_longer_downloadable(issued, holder, client):
    from certificates.services import certificate_revoke

    certificate_revoke(certificate=issued, reason="Sai thông tin")
    client.force_login(holder)
    assert client.get(pdf_url(issued)).status_code == 404


def test_the_stored_file_is_not_named_after_the_public_code(issued):
    """Whoever saw the QR must not find the PDF in public media storage."""
    assert issued.code not in issued.pdf.name
    assert issued.code.replace("-", "") not in issued.pdf.name


def test_the_stored_file_is_private_not_public_media(issued, client, settings):
    """The PDF lives outside MEDIA_ROOT: no /media/ address serves it."""
    from pathlib import Path

    path = Path(issued.pdf.path)
    assert path.is_file()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert client.get(f"{settings.MEDIA_URL}{issued.pdf.name}").status_code == 404
