from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render


def home(request):
    return render(request, "core/home.html")


def healthz(request):
    """Liveness for the load balancer and docker compose: the process answers and reaches the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
