"""The product's ASGI application plus one bare route, for benchmarks only.

`/bench/bare-insert/` is the baseline: a plain Django view that inserts one row
in one statement, served by the same server, middleware and database.
"""

from django.db import connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.asgi import application as product_application
from config.urls import urlpatterns

BASELINE_TABLE = "bench_bare_row"


@csrf_exempt
def bare_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {BASELINE_TABLE} (created_at) VALUES (now()) RETURNING id")  # noqa: S608
        row_id = cursor.fetchone()[0]
    return JsonResponse({"id": row_id}, status=201)


urlpatterns.append(path("bench/bare-insert/", bare_insert))
application = product_application
