from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("n/<int:neighbourhood_id>/", views.roster_view, name="roster"),
    path(
        "n/<int:neighbourhood_id>/certificates.pdf",
        views.certificates_handout_view,
        name="certificates_handout",
    ),
    path("people/<int:profile_id>/", views.resident_view, name="resident"),
    path(
        "people/<int:profile_id>/vneid/",
        views.vneid_confirm_view,
        name="vneid_confirm",
    ),
    path("people/<int:profile_id>/card/", views.card_print_view, name="card"),
    path(
        "n/<int:neighbourhood_id>/roster.csv",
        views.roster_export_view,
        {"fmt": "csv"},
        name="roster_csv",
    ),
    path(
        "n/<int:neighbourhood_id>/roster.xlsx",
        views.roster_export_view,
        {"fmt": "xlsx"},
        name="roster_xlsx",
    ),
    path(
        "people/<int:profile_id>/details/",
        views.resident_details_view,
        name="resident_details",
    ),
    path(
        "people/<int:profile_id>/move/", views.resident_move_view, name="resident_move"
    ),
    path(
        "people/<int:profile_id>/phone/",
        views.resident_phone_view,
        name="resident_phone",
    ),
    path(
        "people/<int:profile_id>/gone/", views.resident_gone_view, name="resident_gone"
    ),
    path(
        "people/<int:profile_id>/erase/",
        views.resident_erase_view,
        name="resident_erase",
    ),
    path(
        "people/<int:profile_id>/merge/",
        views.resident_merge_search_view,
        name="resident_merge_search",
    ),
    path(
        "people/<int:profile_id>/merge/<int:other_id>/",
        views.resident_merge_view,
        name="resident_merge",
    ),
    path("enrol/", views.enrol_view, name="enrol"),
    path("sessions/", views.sessions_view, name="sessions"),
    path("sessions/new/", views.session_new_view, name="session_new"),
    path("nudges/", views.nudges_view, name="nudges"),
    path("import/", views.import_upload_view, name="import"),
    path("import/<int:job_id>/", views.import_job_view, name="import_job"),
    path("vneid/declare/", views.vneid_declare_view, name="vneid_declare"),
]
