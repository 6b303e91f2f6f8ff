from django.contrib import admin
from django.urls import path

from . import views

admin.site.site_header = "RSO Portal administration"
admin.site.site_title = "RSO Portal"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
