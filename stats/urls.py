from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("city/", views.city_view, name="city"),
    path("export.csv", views.export_csv_view, name="export_csv"),
    path("export.xlsx", views.export_xlsx_view, name="export_xlsx"),
    path("report.pdf", views.report_pdf_view, name="report_pdf"),
]
