"""Sign-in cards printed by a volunteer: the QR code signs the resident in once."""

import pypdfium2
import pytest
import zxingcpp
from django.urls import reverse

from accounts.models import SignInCard

from .factories import login


def qr_texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    texts = []
    for page in document:
        image = page.render(scale=2).to_pil()
        texts += [r.text for r in zxingcpp.read_barcodes(image)]
    return texts


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    return [page.get_size() for page in pypdfium2.PdfDocument(pdf)]


@pytest.fixture
def no_phone_neighbour(team, make_resident):
    user = make_resident(team["n1"], phone=None, full_name="Bà Lê Thị <b>Tư</b>")
    user.set_unusable_password()
    user.save()
    return user


def test_volunteer_prints_a_card_whose_qr_signs_the_resident_in_once(
    client, team, no_phone_neighbour, settings
):
    settings.SITE_BASE_URL = "http://testserver"
    login(client, team["volunteer"])
    url = reverse("teams:card", args=[no_phone_neighbour.resident_profile.pk])

    response = client.post(url, {"layout": "a6"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    width, height = pdf_pages(response.content)[0]
    assert (round(width), round(height)) == (298, 420)  # A6 in points
    [link] = qr_texts(response.content)
    assert link.startswith("http://testserver/accounts/card/")
    card = SignInCard.objects.get(user=no_phone_neighbour)
    assert card.issued_by == team["volunteer"]

    client.logout()
    path = link.removeprefix("http://testserver")
    assert client.post(path).status_code == 302
    assert client.session["_auth_user_id"] == str(no_phone_neighbour.pk)
    client.logout()
    assert client.post(path).status_code == 410


def test_the_a4_sheet_and_a_new_card_replacing_the_old(
    client, team, no_phone_neighbour
):
    login(client, team["volunteer"])
    url = reverse("teams:card", args=[no_phone_neighbour.resident_profile.pk])
    first = qr_texts(client.post(url, {"layout": "a6"}).content)[0]

    response = client.post(url, {"layout": "a4"})

    width, height = pdf_pages(response.content)[0]
    assert (round(width), round(height)) == (595, 842)  # A4
    second = qr_texts(response.content)[0]
    assert first != second
    client.logout()
    assert client.post(first.split("testserver", 1)[-1]).status_code == 410


def test_what_people_typed_is_printed_as_text(client, team, no_phone_neighbour):
    login(client, team["volunteer"])
    url = reverse("teams:card", args=[no_phone_neighbour.resident_profile.pk])
    pdf = client.post(url).content
    text = "".join(
        page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf)
    )
    assert "Bà Lê Thị <b>Tư</b>" in text


def test_no_card_for_people_outside_the_volunteers_neighbourhoods(client, team):
    login(client, team["volunteer"])
    for key in ("r2", "r3"):
        url = reverse("teams:card", args=[team[key].resident_profile.pk])
        assert client.post(url).status_code == 404
    assert not SignInCard.objects.exists()
