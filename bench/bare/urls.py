from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from .models import Item


def items(request):
    return render(request, "items.html", {"items": Item.objects.order_by("-published_on")[:20]})


def plain(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("items/", items), path("plain", plain)]
