from django.urls import path

from . import views

app_name = "certificates"

# Printed on paper (DESIGN.md §4): these paths never change.
urlpatterns = [
    path("verify/", views.verify_form_view, name="verify_form"),
    path("verify/<str:code>/", views.verify_view, name="verify"),
    path("<str:code>.pdf", views.certificate_pdf_view, name="pdf"),
]
