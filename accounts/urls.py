from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("card/<str:token>/", views.signin_card, name="signin_card"),
]
