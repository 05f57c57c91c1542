"""Enrolling a neighbour: consent confirmed by the volunteer, duplicates caught."""

from django.urls import reverse

from accounts.models import User
from community.models import ResidentProfile

from .factories import login


def _enrol(client, team, **fields):
    data = {
        "full_name": "  Lê   Thị Mai ",
        "birth_year": "1958",
        "neighbourhood": team["n1"].pk,
        "phone": "",
        "consent": "on",
        **fields,
    }
    return client.post(reverse("teams:enrol"), data)


def test_enrol_without_a_phone(client, team):
    login(client, team["volunteer"])
    response = _enrol(client, team)
    person = User.objects.get(full_name="Lê Thị Mai")
    profile = person.resident_profile
    assert response.status_code == 302
    assert response.url == reverse("teams:resident", args=[profile.pk])
    assert person.phone is None
    assert not person.has_usable_password()
    assert person.birth_year == 1958
    assert profile.neighbourhood == team["n1"]
    assert profile.enrolled_how == ResidentProfile.EnrolledHow.ASSISTED
    assert profile.enrolled_by == team["volunteer"]
    assert profile.consent_confirmed_by == team["volunteer"]
    assert profile.consent_given_at is not None
    # Searchable straight away, without diacritics.
    roster = client.get(reverse("teams:roster", args=[team["n1"].pk]), {"q": "le thi"})
    assert [r.user.full_name for r in roster.context["rows"]] == ["Lê Thị Mai"]


def test_enrol_with_a_phone_written_locally(client, team):
    login(client, team["volunteer"])
    _enrol(client, team, phone="0987.654.321")
    person = User.objects.get(full_name="Lê Thị Mai")
    assert person.phone == "+84987654321"
    assert not person.has_usable_password()


def test_the_form_says_a_shared_phone_means_no_phone(client, team):
    login(client, team["volunteer"])
    form = client.get(reverse("teams:enrol")).context["form"]
    assert "thẻ đăng nhập in ra giấy" in str(form.fields["phone"].help_text)
    # Only the neighbourhoods the volunteer serves are offered.
    assert list(form.fields["neighbourhood"].queryset) == [team["n1"]]


def test_consent_is_required(client, team):
    login(client, team["volunteer"])
    response = _enrol(client, team, consent="")
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_a_neighbourhood_the_volunteer_does_not_serve_is_refused(client, team):
    login(client, team["volunteer"])
    for neighbourhood in (team["n2"], team["n3"]):
        response = _enrol(client, team, neighbourhood=neighbourhood.pk)
        assert response.status_code == 200
        assert "neighbourhood" in response.context["form"].errors
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_duplicate_phone_of_someone_visible_links_to_them(client, team):
    login(client, team["volunteer"])
    r1 = team["r1"]
    response = _enrol(client, team, phone=r1.phone_for_display)
    assert response.status_code == 200
    error = " ".join(response.context["form"].errors["phone"])
    assert reverse("teams:resident", args=[r1.resident_profile.pk]) in error
    assert "Nguyễn Văn An" in error
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_duplicate_phone_of_someone_elsewhere_leaks_no_name(client, team):
    login(client, team["volunteer"])
    for other in (team["r2"], team["r3"], team["officer"]):
        response = _enrol(client, team, phone=other.phone)
        assert response.status_code == 200
        error = " ".join(response.context["form"].errors["phone"])
        assert other.full_name not in response.text
        assert "/team/people/" not in error
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_family_sharing_a_phone_enrols_the_second_without_one(client, team):
    login(client, team["volunteer"])
    _enrol(client, team, full_name="Nguyễn Thị Bé")
    _enrol(client, team, full_name="Nguyễn Văn Ông")
    assert User.objects.filter(phone=None, full_name__startswith="Nguyễn").count() == 2


def test_an_invalid_phone_gets_a_message(client, team):
    login(client, team["volunteer"])
    response = _enrol(client, team, phone="12345")
    assert "phone" in response.context["form"].errors
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_officer_cannot_enrol(client, team):
    login(client, team["officer"])
    assert client.get(reverse("teams:enrol")).status_code == 403
    assert _enrol(client, team).status_code == 403
    assert not User.objects.filter(full_name="Lê Thị Mai").exists()


def test_invisible_characters_in_the_name_are_not_stored(client, team):
    login(client, team["volunteer"])
    response = _enrol(client, team, full_name="\u2067L\u00ea Th\u1ecb\u200b\u202e Mai")
    assert response.status_code == 302
    assert User.objects.filter(full_name="Lê Thị Mai").exists()


def test_a_name_of_only_invisible_characters_is_refused(client, team):
    login(client, team["volunteer"])
    before = User.objects.count()
    response = _enrol(client, team, full_name="\u200b\u200b\u202e")
    assert response.status_code == 200
    assert response.context["form"].errors["full_name"]
    assert User.objects.count() == before
