"""The REST API against its own OpenAPI schema (drf-spectacular), fuzzed by Schemathesis: as a citizen and as a
caseworker of the demo municipality, every operation with generated input answers without a server error and
with a response the schema describes (status code, content type, body).

Bounded so it runs in `make test` (SCHEMATHESIS_EXAMPLES generated requests per operation, each sent as both
users; 3 unless set); the long run is `make fuzz`, every phase, several thousand cases.
"""

import json
import os
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from accounts.models import User
from tests.conftest import api_token

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "3"))
# `make test` generates inputs (fuzzing) only; the long run (SCHEMATHESIS_FULL=1, `make fuzz`) adds the schema's
# examples and the coverage phase (every boundary and wrong type of every parameter, thousands of cases).
FULL = os.environ.get("SCHEMATHESIS_FULL") == "1"
PHASES = {phase: {"enabled": FULL} for phase in ("examples", "coverage", "stateful")}
USERS = {"citizen": "borger@example.dk", "caseworker": "sagsbehandler@example.dk"}
# What the fuzzer checks: no 5xx, and the answer matches the schema. Not checked: that undocumented status codes
# never occur (DRF answers 401/403/404/405/415 on every operation; the schema does not list them each time),
# and that generated "wrong" input is refused (a free-text field accepts any text).
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.content_type_conformance,
]


def served_schema():
    """The schema the API serves at /api/schema/ (made as it does, without a request), its calls sent to the WSGI
    application in this process: inside the test's transaction, so the demo's objects are there."""
    raw = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    loaded = schemathesis.openapi.from_dict(raw, config=SchemathesisConfig.from_dict({"phases": PHASES}))
    loaded.app = get_wsgi_application()
    return loaded


@pytest.fixture(scope="module", autouse=True)
def keep_the_connection():
    """Django's test client keeps the request signals from closing the database connection; so must this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = served_schema()


@pytest.fixture(scope="module")
def tally(pytestconfig):
    """Cases and answers by status, printed after the module (the figures of a long run)."""
    statuses = Counter()
    yield statuses
    pytestconfig.pluginmanager.get_plugin("terminalreporter").write_line(
        f"schemathesis: {sum(statuses.values())} cases, statuses {dict(sorted(statuses.items()))}, "
        f"5xx: {sum(n for status, n in statuses.items() if status >= 500)}"
    )


@pytest.fixture(scope="module")
def token_headers(demo_municipality, django_db_blocker):
    with django_db_blocker.unblock():
        users = {role: User.objects.get(email=email) for role, email in USERS.items()}
        return {role: {"Authorization": f"Token {api_token(user)}"} for role, user in users.items()}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_api_answers_every_generated_request_as_its_schema_says(case, token_headers, tally):
    for headers in token_headers.values():
        response = case.call(headers=headers)
        tally[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)
