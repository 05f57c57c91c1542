from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("export.csv", views.export_csv_view, name="export_csv"),
]
