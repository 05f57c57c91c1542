"""The Wagtail admin for wards, neighbourhoods and roles, through HTTP.

Pages are requested in English (the language cookie), so assertions on text hold
whatever the Vietnamese translation says.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from accounts.models import User
from community.access import residents_visible_to
from community.models import Neighbourhood, RoleAssignment, Ward
from community.roles import EDITORS_GROUP, Role

ADMIN_HOME = reverse("wagtailadmin_home")
WARDS = reverse("wagtailsnippets_community_ward:list")
WARD_ADD = reverse("wagtailsnippets_community_ward:add")
NEIGHBOURHOODS = reverse("wagtailsnippets_community_neighbourhood:list")
NEIGHBOURHOOD_ADD = reverse("wagtailsnippets_community_neighbourhood:add")
ROLES = reverse("roles:index")
GRANT = reverse("roles:grant")
REFUSED = "Sorry, you do not have permission to access this area."


def ward_edit_url(ward):
    return reverse("wagtailsnippets_community_ward:edit", args=[ward.pk])


def ward_delete_url(ward):
    return reverse("wagtailsnippets_community_ward:delete", args=[ward.pk])


def neighbourhood_edit_url(neighbourhood):
    return reverse(
        "wagtailsnippets_community_neighbourhood:edit", args=[neighbourhood.pk]
    )


def revoke_url(assignment):
    return reverse("roles:revoke", args=[assignment.pk])


def fresh(user):
    """The user as a new request sees them (scope is cached on the instance)."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def login(db):
    """A separate browser per person, reading the admin in English."""

    def log_in(user):
        client = Client()
        client.force_login(user)
        client.cookies["django_language"] = "en"
        return client

    return log_in


@pytest.fixture
def city_admin(make_staff):
    return make_staff(Role.CITY_ADMIN, full_name="Trần Thị Quản Trị")


@pytest.fixture
def admin_client(login, city_admin):
    return login(city_admin)


@pytest.fixture
def editor(make_staff):
    return make_staff(Role.EDITOR, full_name="Lê Văn Biên Tập")


@pytest.fixture
def editor_client(login, editor):
    return login(editor)


def assert_refused(client, response):
    """Wagtail's refusal: back to the dashboard, with its permission message."""
    assert response.status_code == 302
    assert response.url == ADMIN_HOME
    assert REFUSED in client.get(response.url).content.decode()


# --- Who enters the admin ------------------------------------------------------------


def test_wagtail_editors_group_can_enter_the_admin(editor):
    group = Group.objects.get(name=EDITORS_GROUP)
    assert group.permissions.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()
    assert fresh(editor).groups.filter(pk=group.pk).exists()


def test_city_admin_and_editor_open_the_admin(admin_client, login, editor):
    assert admin_client.get(ADMIN_HOME).status_code == 200
    assert login(editor).get(ADMIN_HOME).status_code == 200


@pytest.mark.parametrize("role", [Role.VOLUNTEER, Role.OFFICER])
def test_volunteer_and_officer_cannot_open_the_admin(role, places, make_staff, login):
    if role == Role.VOLUNTEER:
        scope = {"neighbourhood": places["n1"]}
    else:
        scope = {"ward": places["ward"]}
    client = login(make_staff(role, **scope))
    for url in (ADMIN_HOME, ROLES, WARDS, reverse("sms-outbox:index")):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert "cms/admin_refused.html" in [t.name for t in response.templates]


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(ROLES, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_menu_shows_places_and_roles_to_city_admins_only(admin_client, editor_client):
    admin_page = admin_client.get(ADMIN_HOME).content.decode()
    editor_page = editor_client.get(ADMIN_HOME).content.decode()
    for url in (ROLES, WARDS, NEIGHBOURHOODS):
        assert f'"{url}"' in admin_page
        assert f'"{url}"' not in editor_page
    assert "Wards and neighbourhoods" in admin_page
    assert "Wards and neighbourhoods" not in editor_page


def test_editor_cannot_manage_wards_or_neighbourhoods(editor_client, places):
    for url in (WARDS, WARD_ADD, NEIGHBOURHOODS, ward_edit_url(places["ward"])):
        assert_refused(editor_client, editor_client.get(url))
    response = editor_client.post(WARD_ADD, {"name": "Phường Lạ", "city": "Hải Phòng"})
    assert_refused(editor_client, response)
    assert not Ward.objects.filter(name="Phường Lạ").exists()


# --- Wards and neighbourhoods ---------------------------------------------------------


def test_city_admin_lists_wards(admin_client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = admin_client.get(WARDS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Phường Gia Viên" in page
    assert "Phường Ngô Quyền" in page
    assert ward_edit_url(places["ward"]) in page


def test_city_admin_searches_wards(admin_client, places):
    response = admin_client.get(WARDS, {"q": "Ngô"})
    assert ward_edit_url(places["other_ward"]) in response.content.decode()
    assert ward_edit_url(places["ward"]) not in response.content.decode()


def test_city_admin_creates_a_ward_with_its_certificate_issuer(admin_client):
    response = admin_client.post(
        WARD_ADD,
        {
            "name": "Phường Lê Chân",
            "city": "Hải Phòng",
            "certificate_authority": "Ủy ban nhân dân phường Lê Chân",
            "certificate_signer_name": "Nguyễn Văn Ký",
            "certificate_signer_title": "Chủ tịch",
            "certificate_seal": "",
        },
    )
    assert response.status_code == 302
    ward = Ward.objects.get(name="Phường Lê Chân")
    assert ward.city == "Hải Phòng"
    assert ward.certificate_authority == "Ủy ban nhân dân phường Lê Chân"
    assert ward.certificate_signer_name == "Nguyễn Văn Ký"
    assert ward.certificate_signer_title == "Chủ tịch"


def test_ward_edit_form_shows_issuer_fields_and_seal_chooser(admin_client, places):
    response = admin_client.get(ward_edit_url(places["ward"]))
    assert response.status_code == 200
    page = response.content.decode()
    for field in (
        "certificate_authority",
        "certificate_signer_name",
        "certificate_signer_title",
    ):
        assert f'name="{field}"' in page
    assert "Certificate issuer" in page
    # The seal is picked with Wagtail's image chooser, not typed as an id.
    assert 'new ImageChooser("id_certificate_seal"' in page


def test_city_admin_edits_a_ward_and_sets_its_seal(admin_client, places):
    seal = Image.objects.create(title="Con dấu", file=get_test_image_file())
    ward = places["ward"]
    response = admin_client.post(
        ward_edit_url(ward),
        {
            "name": ward.name,
            "city": ward.city,
            "certificate_authority": "UBND phường Gia Viên",
            "certificate_signer_name": "Phạm Thị Ký",
            "certificate_signer_title": "Phó Chủ tịch",
            "certificate_seal": seal.pk,
        },
    )
    assert response.status_code == 302
    ward.refresh_from_db()
    assert ward.certificate_seal == seal
    assert ward.certificate_signer_name == "Phạm Thị Ký"


def test_ward_with_neighbourhoods_is_not_deleted_and_the_admin_is_told_why(
    admin_client, places
):
    ward = places["ward"]
    response = admin_client.post(ward_delete_url(ward))
    assert response.status_code == 302
    assert response.url == WARDS
    assert Ward.objects.filter(pk=ward.pk).exists()
    page = admin_client.get(response.url).content.decode()
    assert "cannot be deleted while it still has neighbourhoods" in page


def test_neighbourhood_with_residents_is_not_deleted(
    admin_client, places, make_resident
):
    make_resident(places["n1"])
    url = reverse(
        "wagtailsnippets_community_neighbourhood:delete", args=[places["n1"].pk]
    )
    response = admin_client.post(url)
    assert response.status_code == 302
    assert Neighbourhood.objects.filter(pk=places["n1"].pk).exists()
    page = admin_client.get(response.url).content.decode()
    assert "cannot be deleted while it still has residents" in page


def test_empty_ward_is_deleted(admin_client):
    ward = Ward.objects.create(name="Phường Nhầm", city="Hải Phòng")
    assert admin_client.get(ward_delete_url(ward)).status_code == 200
    response = admin_client.post(ward_delete_url(ward))
    assert response.status_code == 302
    assert not Ward.objects.filter(pk=ward.pk).exists()


def test_city_admin_lists_neighbourhoods_filtered_by_ward(
    admin_client, places, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = admin_client.get(NEIGHBOURHOODS, {"ward": places["ward"].pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert neighbourhood_edit_url(places["n1"]) in page
    assert neighbourhood_edit_url(places["n2"]) in page
    assert neighbourhood_edit_url(places["n3"]) not in page

    everything = admin_client.get(NEIGHBOURHOODS).content.decode()
    assert neighbourhood_edit_url(places["n3"]) in everything


def test_neighbourhood_list_queries_do_not_grow_with_rows(
    admin_client, places, django_assert_max_num_queries
):
    admin_client.get(NEIGHBOURHOODS)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        admin_client.get(NEIGHBOURHOODS)
    for number in range(10, 20):
        Neighbourhood.objects.create(
            ward=places["other_ward"], number=number, name=f"Tổ {number}"
        )
    with django_assert_max_num_queries(len(few)):
        admin_client.get(NEIGHBOURHOODS)


def test_city_admin_creates_and_edits_a_neighbourhood(admin_client, places):
    response = admin_client.post(
        NEIGHBOURHOOD_ADD,
        {
            "ward": places["ward"].pk,
            "number": 7,
            "name": "Tổ dân phố số 7",
            "adult_population": 412,
        },
    )
    assert response.status_code == 302
    neighbourhood = Neighbourhood.objects.get(ward=places["ward"], number=7)
    assert neighbourhood.adult_population == 412

    response = admin_client.post(
        neighbourhood_edit_url(neighbourhood),
        {
            "ward": places["ward"].pk,
            "number": 7,
            "name": "Tổ dân phố số 7A",
            "adult_population": 450,
        },
    )
    assert response.status_code == 302
    neighbourhood.refresh_from_db()
    assert neighbourhood.name == "Tổ dân phố số 7A"
    assert neighbourhood.adult_population == 450


# --- Roles: listing ---------------------------------------------------------------


def test_city_admin_lists_roles_with_person_phone_role_and_scope(
    admin_client, places, make_staff
):
    volunteer = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], phone="+84912345678"
    )
    response = admin_client.get(ROLES)
    assert response.status_code == 200
    page = response.content.decode()
    assert volunteer.full_name in page
    assert "0912 345 678" in page
    assert "Volunteer (community tech team)" in page
    assert str(places["n1"]) in page
    assert reverse("roles:grant") in page
    assignment = RoleAssignment.objects.get(user=volunteer)
    assert revoke_url(assignment) in page


def test_roles_filter_by_role(admin_client, places, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    officer = make_staff(Role.OFFICER, ward=places["ward"])
    page = admin_client.get(ROLES, {"role": Role.OFFICER}).content.decode()
    assert revoke_url(officer.role_assignments.get()) in page
    assert revoke_url(volunteer.role_assignments.get()) not in page


def test_roles_filter_by_ward_covers_officers_and_volunteers(
    admin_client, places, make_staff
):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n2"])
    officer = make_staff(Role.OFFICER, ward=places["ward"])
    elsewhere = make_staff(Role.VOLUNTEER, neighbourhood=places["n3"])
    page = admin_client.get(ROLES, {"ward": places["ward"].pk}).content.decode()
    assert revoke_url(volunteer.role_assignments.get()) in page
    assert revoke_url(officer.role_assignments.get()) in page
    assert revoke_url(elsewhere.role_assignments.get()) not in page


def test_roles_search_by_phone_as_people_type_it(admin_client, places, make_staff):
    wanted = make_staff(
        Role.VOLUNTEER, neighbourhood=places["n1"], phone="+84912345678"
    )
    other = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    page = admin_client.get(ROLES, {"q": "0912 345 678"}).content.decode()
    assert revoke_url(wanted.role_assignments.get()) in page
    assert revoke_url(other.role_assignments.get()) not in page


def test_roles_list_queries_do_not_grow_with_rows(
    admin_client, places, make_staff, django_assert_max_num_queries
):
    make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    admin_client.get(ROLES)  # warm per-process caches
    with CaptureQueriesContext(connection) as few:
        admin_client.get(ROLES)
    for _ in range(10):
        make_staff(Role.VOLUNTEER, neighbourhood=places["n2"])
        make_staff(Role.OFFICER, ward=places["other_ward"])
    with django_assert_max_num_queries(len(few)):
        response = admin_client.get(ROLES)
    assert response.content.decode().count("/revoke/") == 22


# --- Roles: granting -----------------------------------------------------------------


def test_city_admin_grants_volunteer_by_phone_as_people_type_it(
    admin_client, city_admin, places, make_resident
):
    person = make_resident(places["n3"], phone="+84912345678")
    neighbour = make_resident(places["n1"])
    other = make_resident(places["n2"])
    assert list(residents_visible_to(fresh(person))) == [person.resident_profile]

    response = admin_client.post(
        GRANT,
        {
            "person": "0912 345 678",
            "role": Role.VOLUNTEER,
            "ward": "",
            "neighbourhood": places["n1"].pk,
        },
    )

    assert response.status_code == 302
    assert response.url == ROLES
    assignment = RoleAssignment.objects.get(user=person)
    assert assignment.role == Role.VOLUNTEER
    assert assignment.neighbourhood == places["n1"]
    assert assignment.granted_by == city_admin
    visible = {profile.user_id for profile in residents_visible_to(fresh(person))}
    assert visible == {person.pk, neighbour.pk}
    assert other.pk not in visible
    assert "Role granted" in admin_client.get(response.url).content.decode()


def test_granting_an_officer_role_without_a_ward_shows_the_error_and_creates_nothing(
    admin_client, places, make_resident
):
    person = make_resident(places["n1"], phone="+84912345678")
    response = admin_client.post(
        GRANT,
        {"person": "0912345678", "role": Role.OFFICER, "ward": "", "neighbourhood": ""},
    )
    assert response.status_code == 200
    assert "An officer serves one ward per role." in response.content.decode()
    assert response.context["form"].non_field_errors() == [
        "An officer serves one ward per role."
    ]
    assert not RoleAssignment.objects.filter(user=person).exists()


def test_granting_to_an_unknown_phone_number_says_so(admin_client, places):
    response = admin_client.post(
        GRANT,
        {
            "person": "0987 654 321",
            "role": Role.EDITOR,
            "ward": "",
            "neighbourhood": "",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("person", code="unknown_person")
    assert "No one is registered with the phone number 0987 654 321" in (
        response.content.decode()
    )
    assert not RoleAssignment.objects.filter(role=Role.EDITOR).exists()


def test_granting_to_a_number_that_is_not_a_mobile_number_says_so(admin_client):
    response = admin_client.post(
        GRANT, {"person": "12345", "role": Role.EDITOR, "ward": "", "neighbourhood": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("person", code="invalid_phone")
    assert not RoleAssignment.objects.filter(role=Role.EDITOR).exists()


def test_city_admin_makes_an_editor_who_then_enters_the_admin(
    admin_client, places, make_resident, login
):
    person = make_resident(places["n1"], phone="+84912345678")
    response = admin_client.post(GRANT, {"person": "0912 345 678", "role": Role.EDITOR})
    assert response.status_code == 302
    assert fresh(person).groups.filter(name=EDITORS_GROUP).exists()
    assert login(person).get(ADMIN_HOME).status_code == 200


def test_grant_form_renders_for_city_admin(admin_client, places):
    response = admin_client.get(GRANT)
    assert response.status_code == 200
    page = response.content.decode()
    for field in ("person", "role", "ward", "neighbourhood"):
        assert f'name="{field}"' in page


# --- Roles: revoking -----------------------------------------------------------------


def test_revoking_a_volunteer_role_removes_it_and_the_scope(
    admin_client, places, make_staff, make_resident
):
    resident = make_resident(places["n1"])
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    assert resident.resident_profile in residents_visible_to(fresh(volunteer))
    assignment = volunteer.role_assignments.get()

    response = admin_client.post(revoke_url(assignment))

    assert response.status_code == 302
    assert response.url == ROLES
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert resident.resident_profile not in residents_visible_to(fresh(volunteer))


def test_revoking_editor_removes_the_editors_group_and_admin_access(
    admin_client, editor, login
):
    assert fresh(editor).groups.filter(name=EDITORS_GROUP).exists()
    assignment = editor.role_assignments.get(role=Role.EDITOR)

    response = admin_client.post(revoke_url(assignment))

    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not fresh(editor).groups.filter(name=EDITORS_GROUP).exists()
    response = login(fresh(editor)).get(ADMIN_HOME, follow=True)
    assert response.status_code == 403


def test_revoke_refuses_get(admin_client, places, make_staff):
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n1"])
    assignment = volunteer.role_assignments.get()
    assert admin_client.get(revoke_url(assignment)).status_code == 405
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_revoking_an_unknown_role_is_not_found(admin_client):
    assert admin_client.post(reverse("roles:revoke", args=[999999])).status_code == 404


# --- Roles: refused to everyone but city admins ---------------------------------------


def test_editor_is_refused_the_role_views(
    editor_client, places, make_staff, make_resident
):
    person = make_resident(places["n1"], phone="+84912345678")
    volunteer = make_staff(Role.VOLUNTEER, neighbourhood=places["n2"])
    assignment = volunteer.role_assignments.get()

    assert_refused(editor_client, editor_client.get(ROLES))
    assert_refused(editor_client, editor_client.get(reverse("roles:index_results")))
    assert_refused(editor_client, editor_client.get(GRANT))
    response = editor_client.post(
        GRANT, {"person": "0912 345 678", "role": Role.CITY_ADMIN}
    )
    assert_refused(editor_client, response)
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert not fresh(person).is_superuser
    assert_refused(editor_client, editor_client.post(revoke_url(assignment)))
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_signed_in_volunteer_is_not_caught_in_a_redirect_loop(
    places, make_staff, login
):
    client = login(make_staff(Role.VOLUNTEER, neighbourhood=places["n1"]))
    url, seen = ADMIN_HOME, []
    for _hop in range(5):
        response = client.get(url)
        if response.status_code != 302:
            break
        assert response.url not in seen
        seen.append(response.url)
        url = response.url
    assert response.status_code in (200, 403)
