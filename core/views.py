import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from psycopg_pool import PoolTimeout

# How long a client is asked to wait when the database is unreachable (the pool reconnects within seconds).
RETRY_AFTER_SECONDS = 5


def home(request):
    return render(request, "core/home.html")


def healthz(request):
    """Liveness for the load balancer and docker compose: the process answers and reaches the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def database_unreachable(error: BaseException | None) -> bool:
    """The error means PostgreSQL cannot be reached (down, restarting, no free connection), not a bug."""
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
            return True
        if isinstance(error, DatabaseError):
            return False
        error = error.__cause__ or error.__context__
    return False


def server_error(request):
    """handler500: 503 with Retry-After while the database is unreachable, else 500 — the product's page in the
    user's language (pages) or a JSON `detail` (API). Rendered without context processors, which may need the
    database."""
    unreachable = database_unreachable(sys.exc_info()[1])
    status = 503 if unreachable else 500
    if request.path.startswith(("/api/", "/oparl/")):
        detail = (
            _("Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.")
            if unreachable
            else _("Der skete en fejl hos os. Prøv igen om lidt.")
        )
        response = JsonResponse({"detail": detail}, status=status)
    else:
        template = "503.html" if unreachable else "500.html"
        response = HttpResponse(loader.get_template(template).render({"request": request}), status=status)
    if unreachable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
    return response
