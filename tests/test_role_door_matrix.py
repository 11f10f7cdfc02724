"""Every role of the demo × every door of the product: nothing shown that the role may not see, 404 for what it
may not know exists, no server error.

The doors are the URL configuration's patterns (tests/doors.py): pages, the API, PDFs, files, OParl. Each
pattern's object arguments are filled from the demo municipality by a filler, which says which roles may know
each object; a pattern no filler knows fails here, so a new door is covered the day it is added. Each role asks
every door for every object with GET, in process (the test client; the API with the role's token):

- no answer is a server error;
- an object the role may not know is answered 404 — or without looking at it: 405 (the door takes no GET),
  the login page for an anonymous visitor (401 from the API);
- no answer contains a secret of someone else: e-mail addresses, phone numbers, CPR numbers, complaint texts
  and (where the person is not shown publicly by her own choice) names of citizens the role has no business
  with. The committee's roles, the councils' and the public have no business with any citizen's.

The figures (probes, leaks, server errors) are printed with -s and kept in the report (reports/matrix.md).
"""

import html
import io
import json
import re
import time
import zipfile
from dataclasses import dataclass
from typing import ClassVar

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseForbidden, HttpResponseNotFound
from django.test import Client
from django.test.client import ClientHandler
from rest_framework.test import APIClient

from accounts.models import User
from tests import doors as matrix
from tests.conftest import api_token

pytestmark = pytest.mark.django_db

# Doors the matrix does not knock on, and why.
NOT_PROBED = {
    "openid_connect_login": "starts a login at the identity provider (a redirect out); shows nothing",
    "openid_connect_callback": "the identity provider's answer to a login; shows nothing without its state",
    "logout": "ends the session it is asked with; shows nothing",
    # The demo's mailbox shows every e-mail the product sent, to anyone: it is the demo's stand-in for a mail
    # server (notifications.views.demo_mail answers 404 unless settings.DEMO), not a door of the product.
    "demo-mail": "the demo's mailbox (DEMO=1 only; 404 in production)",
}
# Doors that show the same to everyone and no object: asked by the anonymous visitor only.
ONCE = {"api-schema": "the OpenAPI schema, the same for every caller (and slow to build)"}
# Views that never read who asks (checked below): they answer every role alike, so the anonymous visitor, who may
# know the least, asks them for everyone. OParl is the public interface; the service figures are public.
ROLE_BLIND_MODULES = ("committees.oparl", "figures.views", "figures.api", "pages.views")
# Answers other than 404 that tell nothing about an object, door by door, and why.
HIDING_ANSWERS = {
    ("complaints:survey", 410): "a survey link answers Gone for every token it does not know (expired or never"
    " made): the raw tokens are not stored, so it cannot tell one from the other either",
}
# The admin is asked at a few doors (below), not at each of its hundreds: Django's admin_view sends anyone
# who is not staff to the admin login before any admin view runs.
ADMIN_PROBES = ["admin/", "admin/complaints/complaint/", "admin/accounts/user/"]

# Answers that tell nothing about an object the role may not know (besides 404).
LOGIN = "/accounts/login/"


class LeanClient(Client):
    """The test client without its bookkeeping (rendered templates and contexts kept per response, re-raised
    exceptions): a server error stays the 500 answer a user would get, and the matrix stays fast. All share one
    handler, so the middleware is set up once."""

    handlers: ClassVar[list[ClientHandler]] = []

    def __init__(self, **defaults):
        super().__init__(**defaults)
        if not self.handlers:
            self.handlers.append(ClientHandler(enforce_csrf_checks=False))
        self.handler = self.handlers[0]

    def request(self, **request):
        return self.handler(self._base_environ(**request))


class LeanAPIClient(APIClient, LeanClient):
    """The API with the role's token (credentials), through the same handler."""

    def __init__(self, **defaults):
        super().__init__(**defaults)
        self.handler = self.handlers[0]  # APIClient's own is for force_authenticate, which the matrix does not use

    def request(self, **request):
        request.update(self._credentials)
        return self.handler(self._base_environ(**request))


@dataclass
class Probe:
    role: str
    url: str
    status: int
    what: str


PDF_TEXT: dict[bytes, str] = {}


def pdf_text(content: bytes) -> str:
    import hashlib

    from tests.documents.reading import pages

    key = hashlib.sha256(content).digest()
    if key not in PDF_TEXT:
        PDF_TEXT[key] = "\n".join(pages(content))
    return PDF_TEXT[key]


def body_text(response) -> str:
    """What the answer shows, as text: HTML unescaped, JSON decoded, PDF and ZIP files read."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content.startswith(b"%PDF"):
        return pdf_text(content)
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(body_text_of_bytes(archive.read(name)) + "\n" + name for name in archive.namelist())
    if "json" in kind:
        try:
            return json.dumps(json.loads(content), ensure_ascii=False)
        except ValueError:
            pass
    return html.unescape(content.decode(errors="replace"))


def body_text_of_bytes(content: bytes) -> str:
    if content.startswith(b"%PDF"):
        return pdf_text(content)
    return content.decode(errors="replace")


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CAPITALISED = re.compile(r"[A-ZÆØÅ][\w'-]+(?:[ \u00a0]+[A-ZÆØÅ][\w'-]+)+")


class Finder:
    """Finds a role's secrets in a text quickly: e-mail addresses and names by shape, then a set look-up; the
    few other texts (complaint texts, phone and CPR numbers) by substring."""

    def __init__(self, secrets: dict[str, str]):
        self.emails = {s.lower(): s for s in secrets if EMAIL.fullmatch(s)}
        self.names = {s for s in secrets if s not in self.emails.values() and CAPITALISED.fullmatch(s)}
        self.others = [s for s in secrets if s not in self.emails.values() and s not in self.names]

    def findall(self, text: str) -> set[str]:
        found = {self.emails[e] for e in (m.lower() for m in EMAIL.findall(text)) if e in self.emails}
        for run in CAPITALISED.findall(text):
            words = run.split()
            for i in range(len(words)):
                for j in range(i + 2, min(i + 5, len(words)) + 1):
                    if (name := " ".join(words[i:j])) in self.names:
                        found.add(name)
        found.update(s for s in self.others if s in text)
        return found


def cpr_spellings(cpr: str) -> list[str]:
    return [cpr, f"{cpr[:6]}-{cpr[6:]}", f"{cpr[:6]} {cpr[6:]}"]


def secrets_by_role() -> dict[str, dict[str, str]]:
    """role → {secret text: whose and what}, from the demo's data.

    A citizen's secrets are her e-mail address, CPR number, the phone numbers and texts of her complaints, and her
    name unless she shows it publicly herself (an idea, comment or hearing answer in her own name). Who may know
    them: she herself, her representative (fuldmagt) and she his, the staff of the departments her complaints and
    aktindsigt requests go to, Borgerservice for the citizens it filed for, the grant pool's reviewers for its
    applicants, the moderator the names of those who wrote on the boards, the administrator all."""
    from access_requests.models import AccessRequest
    from accounts.demo import PEOPLE
    from complaints.models import Complaint, Representation
    from demo.municipality import GENERATED_DOMAIN
    from grants.models import Application
    from hearings.models import Answer
    from ideas.models import Comment, Idea, Support

    people = {role: User.objects.get(email=email) for role, email in matrix.ROLES.items() if email}
    staff_ids = (
        set(User.objects.filter(department_memberships__isnull=False).values_list("id", flat=True))
        | set(User.objects.filter(committee_memberships__isnull=False).values_list("id", flat=True))
        | set(User.objects.filter(is_staff=True).values_list("id", flat=True))
    )
    public_names = {u.full_name for u in User.objects.filter(id__in=staff_ids)}
    for model, who, shown in ((Idea, "author", "shown_as"), (Comment, "author", "shown_as"),
                              (Support, "user", "shown_as")):  # fmt: skip
        for row in model.objects.select_related(who):
            public_names.add(getattr(row, who).public_name(getattr(row, shown)))
    for answer in Answer.objects.select_related("author"):
        public_names.add(answer.author.full_name)  # a hearing answer is published with its author's name
    public_names |= {u.full_name for u in User.objects.filter(council_memberships__isnull=False)}

    # Who each citizen's data may be known to.
    knowers: dict[int, set[str]] = {}
    department_of = {
        role: set(user.department_memberships.values_list("department_id", flat=True)) for role, user in people.items()
    }

    def grant(user_id: int, *role_names: str) -> None:
        knowers.setdefault(user_id, {"admin"}).update(role_names)

    for role, user in people.items():
        grant(user.id, role)
    for r in Representation.objects.filter(status=Representation.Status.ACTIVE):
        for a, b in ((r.principal, r.representative), (r.representative, r.principal)):
            grant(a.id, *[role for role, user in people.items() if user.id == b.id])
    for r in Representation.objects.filter(status=Representation.Status.ACTIVE).select_related("complaint"):
        staff = [role for role, ids in department_of.items() if r.complaint and r.complaint.department_id in ids]
        grant(r.representative_id, *staff)  # the department's staff see who acts for the citizen
    for complaint in Complaint.objects.only("citizen_id", "department_id", "filed_by_id"):
        grant(complaint.citizen_id, *[role for role, ids in department_of.items() if complaint.department_id in ids])
        if complaint.filed_by_id:
            grant(complaint.citizen_id, *[role for role, u in people.items() if u.id == complaint.filed_by_id])
    for request in AccessRequest.objects.only("requester_id", "department_id"):
        grant(request.requester_id, *[role for role, ids in department_of.items() if request.department_id in ids])
    for application in Application.objects.select_related("round__pool"):
        reviewers = set(application.round.pool.reviewers.values_list("id", flat=True))
        grant(application.applicant_id, *[role for role, u in people.items() if u.id in reviewers])

    cprs = {email: fields["cpr"] for email, _name, fields in PEOPLE if fields.get("cpr")}
    secrets: dict[str, dict[str, str]] = {role: {} for role in matrix.ROLES}
    known_texts: dict[str, set[str]] = {role: set() for role in matrix.ROLES}
    citizens = User.objects.exclude(id__in=staff_ids)
    own_texts: dict[int, list[str]] = {}
    for complaint in Complaint.objects.exclude(citizen__email__endswith=GENERATED_DOMAIN).exclude(
        subject__startswith="["
    ):
        own_texts.setdefault(complaint.citizen_id, []).extend(
            t for t in (complaint.subject, complaint.description[:60], complaint.phone) if len(t) >= 8
        )
    example_phone = "12 34 56 78"  # the example in the forms' help text ("fx 12 34 56 78"), shown to everyone
    for citizen in citizens:
        items = {citizen.email: "e-mail"}
        if citizen.full_name not in public_names and len(citizen.full_name) > 5:
            items[citizen.full_name] = "name"
        for text in own_texts.get(citizen.id, []):
            if text != example_phone:
                items[text] = "complaint text or phone"
        for cpr in cprs.get(citizen.email, "") and cpr_spellings(cprs[citizen.email]):
            items[cpr] = "CPR number"
        allowed = knowers.get(citizen.id, {"admin"})
        for role in matrix.ROLES:
            for text, what in items.items():
                if role not in allowed:
                    secrets[role].setdefault(text, f"{what} of {citizen.email}")
                else:
                    known_texts[role].add(text)  # the same phone number on two complaints: not a secret
    for role, texts in known_texts.items():
        for text in texts:
            secrets[role].pop(text, None)
    # No one sees a CPR number, not even her own in clear text.
    for email, cpr in cprs.items():
        for role in matrix.ROLES:
            for spelling in cpr_spellings(cpr):
                secrets[role][spelling] = f"CPR number of {email}"
    return secrets


@pytest.fixture(scope="module")
def world(demo_municipality, django_db_blocker):
    """The doors, their cases and the secrets of each role. The hidden states the matrix adds to the demo are
    rolled back after the module (a savepoint in the demo's transaction), so the demo modules that follow see
    the demo."""
    with django_db_blocker.unblock():
        savepoint = transaction.savepoint()
        try:
            started = time.monotonic()
            built = build_world()
            print(f"\nthe matrix's doors, cases and secrets: {time.monotonic() - started:.1f} s")
            yield built
        finally:
            transaction.savepoint_rollback(savepoint)


def build_world() -> dict:
    hidden_states = matrix.make_hidden_states()
    demo = matrix.Demo()
    all_doors = matrix.doors()
    unfilled, probes, getless = [], [], []
    for door in all_doors:
        if door.route.startswith("admin/") or door.name in NOT_PROBED:
            continue
        if not door.shows:
            getless.append(door)
            continue
        if not door.kwargs:
            probes.append((door, matrix.Case({}, matrix.EVERYONE, "")))
            continue
        fill = matrix.filler(door)
        if fill is None:
            unfilled.append(f"add a filler for {door.name} ({door.route}, arguments {', '.join(door.kwargs)})")
            continue
        probes.extend((door, case) for case in fill(demo))
    secrets = secrets_by_role()
    for text, (allowed, what) in hidden_states.items():
        for role in matrix.ROLES:
            if role not in allowed:
                secrets[role][text] = what
    patterns = {role: Finder(found) for role, found in secrets.items() if found}
    return {
        "doors": all_doors,
        "unfilled": unfilled,
        "probes": probes,
        "getless": getless,
        "secrets": secrets,
        "patterns": patterns,
    }


FIGURES = {"probes": 0, "leaks": 0, "server errors": 0, "roles": 0}


def test_every_door_has_a_filler(world):
    assert not world["unfilled"], "\n".join(world["unfilled"])


def test_role_blind_views_do_not_read_the_user():
    """What the matrix asks only as the anonymous visitor must not depend on who asks."""
    import importlib
    import inspect

    for name in ROLE_BLIND_MODULES:
        source = inspect.getsource(importlib.import_module(name))
        assert "request.user" not in source and "get_user" not in source, name


def hides(role: str, door: matrix.Door, response) -> bool:
    """The answer tells nothing about whether the object exists."""
    if response.status_code in (404, 405) or (door.name, response.status_code) in HIDING_ANSWERS:
        return True
    if door.app == "admin" and response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return True
    if role == "anonymous":
        if response.status_code == 302 and response["Location"].startswith((LOGIN, settings.LOGIN_URL)):
            return True
        if door.is_api and response.status_code in (401, 403):
            return True
    return False


def not_found(request, exception=None):
    """The matrix's 404 page: the product's renders the whole layout, the same for every door (nothing of the
    object), and the matrix asks for a thousand."""
    return HttpResponseNotFound(b"404")


def forbidden(request, exception=None):
    """The same for 403."""
    return HttpResponseForbidden(b"403")


@pytest.fixture
def plain_404(monkeypatch):
    from django.conf import urls

    monkeypatch.setattr(urls, "handler404", f"{__name__}.not_found")
    monkeypatch.setattr(urls, "handler403", f"{__name__}.forbidden")


def chosen(world, role):
    """The cases a role asks a door for: one object it knows and one it may not (a made-up id only where the demo
    has no real object the role may not know). Where there are more, the roles take turns, so that between them
    they ask for each."""
    turn = list(matrix.ROLES).index(role)
    by_door: dict = {}
    for door, case in world["probes"]:
        if (door.name in ONCE or door.module in ROLE_BLIND_MODULES) and role != "anonymous":
            continue
        by_door.setdefault(door, []).append(case)
    others = len(matrix.ROLES) - 1
    for number, (door, cases) in enumerate(by_door.items()):
        known = [c for c in cases if role in c.known]
        hidden = [c for c in cases if role not in c.known and c.known]
        if not hidden and (role == "anonymous" or number % others == turn - 1):
            hidden = [c for c in cases if not c.known]  # a made-up id: the anonymous visitor and one other role
        for some in (known, hidden):
            if some:
                yield door, some[turn % len(some)]


@pytest.mark.parametrize("role", list(matrix.ROLES))
def test_role_sees_only_its_own(world, role, plain_404):
    """Several seconds per role: it asks every door of the product for objects it may and may not know (hundreds
    of in-process requests, the printed probe count), which is the point."""
    started, cpu = time.monotonic(), time.process_time()
    email = matrix.ROLES[role]
    client, api = LeanClient(), LeanAPIClient()
    if email:
        user = User.objects.get(email=email)
        client.force_login(user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {api_token(user)}")
    pattern = world["patterns"].get(role)
    problems, count = [], 0

    def ask(door, url, known, what):
        nonlocal count
        count += 1
        response = (api if door.is_api else client).get(url)
        where = f"{role} GET {url} ({door.name}; {what or 'no object'}) → {response.status_code}"
        if response.status_code >= 500:
            FIGURES["server errors"] += 1
            problems.append(f"server error: {where}")
            return
        if role not in known and not hides(role, door, response):
            problems.append(f"not 404 for an object the role may not know: {where}")
        if pattern is not None:
            for text in set(pattern.findall(body_text(response))):
                FIGURES["leaks"] += 1
                problems.append(f"leak: {where} shows {text!r} ({world['secrets'][role][text]})")

    for door, case in chosen(world, role):
        ask(door, door.url(case.values), case.known, case.what)
    for route in ADMIN_PROBES:
        door = matrix.Door(route, route, "admin", ())
        ask(door, "/" + route, matrix.roles(), "the admin")
    FIGURES["probes"] += count
    FIGURES["cpu seconds"] = round(FIGURES.get("cpu seconds", 0) + time.process_time() - cpu, 1)
    FIGURES["roles"] += 1
    print(f"\n{role}: {count} probes in {time.monotonic() - started:.1f} s, {len(problems)} problems; {FIGURES}")
    assert not problems, "\n".join(problems)


# The sockets (config/routing.py): a few roles each, in process. A thread the role may not see is refused with
# dialogue.consumers.CLOSE_FORBIDDEN (4403, the same for a thread that does not exist); no login, 4401.
SOCKETS = {
    "ws/events/": [("anonymous", None, 4401), ("citizen", None, "open"), ("committee_member", None, "open")],
    "ws/threads/<int:thread_id>/": [
        ("anonymous", "represented", 4401),
        ("citizen", "represented", "open"),
        ("representative", "represented", "open"),
        ("representative", "unrepresented", 4403),  # her fuldmagt covers one complaint, not this one
        ("citizen2", "represented", 4403),
        ("citizen2", "other department", "open"),
        ("caseworker", "represented", "open"),
        ("caseworker_b", "represented", 4403),
        ("committee_member", "represented", 4403),
        ("secretary", "other department", 4403),
        ("citizen", "missing", 4403),
    ],
}


def test_every_socket_is_in_the_matrix():
    from config.routing import websocket_urlpatterns

    assert {str(p.pattern) for p in websocket_urlpatterns} == set(SOCKETS), "add the socket to SOCKETS"


def test_sockets_refuse_what_the_role_may_not_see(world, monkeypatch):
    """Run from a sync test through async_to_sync, with the thread consumer's database calls on this thread's
    connection (asgiref's thread-sensitive sync_to_async) instead of its own pool of database threads, whose
    connections would not see the demo's open transaction."""
    from asgiref.sync import async_to_sync, sync_to_async
    from channels.layers import channel_layers

    from dialogue import consumers

    monkeypatch.setattr(consumers, "in_database", sync_to_async)
    import channels.consumer
    import channels.generic.websocket

    async def keep_connection():
        """Channels closes "old" connections around each event; this one is the demo's transaction."""

    for module in (channels.consumer, channels.generic.websocket):
        monkeypatch.setattr(module, "aclose_old_connections", keep_connection)
    from channels.routing import URLRouter
    from django.contrib.auth.models import AnonymousUser

    from config.routing import websocket_urlpatterns

    demo = matrix.Demo()
    threads = {
        "represented": demo.complaint("Mette").thread_id,
        "unrepresented": demo.mette_unrepresented.thread_id,
        "other department": demo.complaint("Ali").thread_id,
        "missing": matrix.MISSING,
    }
    people = {role: User.objects.get(email=email) for role, email in matrix.ROLES.items() if email}
    router = URLRouter(websocket_urlpatterns)
    problems = []

    async def knock(route, role, thread, expected):
        path = "/" + route.replace("<int:thread_id>", str(threads.get(thread, 0)))
        socket = WebsocketCommunicator(router, path)
        socket.scope["user"] = people.get(role) or AnonymousUser()
        connected, code = await socket.connect(timeout=5)
        if connected:
            answer = "open"
            if not await socket.receive_nothing(timeout=0.1):
                output = await socket.receive_output(timeout=5)
                while output["type"] == "websocket.send":
                    output = await socket.receive_output(timeout=5) if not await socket.receive_nothing(0.1) else None
                    if output is None:
                        break
                if output and output["type"] == "websocket.close":
                    answer = output["code"]
        else:
            answer = code
        await socket.disconnect()
        if answer != expected:
            problems.append(f"{role} on {path}: {answer}, not {expected}")

    async def all_of_them():
        for route, cases in SOCKETS.items():
            for role, thread, expected in cases:
                await knock(route, role, thread, expected)

    channel_layers.backends.clear()
    try:
        async_to_sync(all_of_them)()
    finally:
        channel_layers.backends.clear()
    FIGURES["socket probes"] = sum(len(cases) for cases in SOCKETS.values())
    print(f"\nsockets: {FIGURES['socket probes']} probes, {len(problems)} problems; {FIGURES}")
    assert not problems, "\n".join(problems)
