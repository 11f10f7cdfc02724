"""Every GET page of the product costs the same number of queries however much data there is.

The demo is loaded once; each role walks it from the home page by its links (tests/crawl.py), one address per
page family (URL name) and role, counting each page's queries. Then the municipality grows (more complaints,
contact tasks, surveys, ideas and supports, some of them the demo people's own) and the same addresses are
asked again: one test per page family, generated from the URL names the walk reached, asserts that none of
its addresses costs more queries than before."""

from unittest.mock import patch

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import middleware as login_middleware
from accounts.models import User
from complaints.models import Complaint, ComplaintEvent, ContactTask
from demo.municipality import GENERATED_DOMAIN, generate
from dialogue.models import Message, Thread
from ideas.models import Comment, Idea
from tests.crawl import crawl

# Each kind of person the demo has, by the pages each sees (the roles bench/pages.py times): a second citizen, a
# relative acting for one, a department lead and citizen service see pages and rows the others do not.
ROLES = [
    None,
    "borger@example.dk",
    "borger2@example.dk",
    "paaroerende@example.dk",
    "sagsbehandler@example.dk",
    "leder@example.dk",
    "sekretaer@example.dk",
    "borgerservice@example.dk",
    "aeldreraad@example.dk",
    "admin@example.dk",
]
pytestmark = pytest.mark.django_db

# Enough for every family a role reaches (the walk stops earlier when it runs out of new families).
PAGES_PER_ROLE = 150


def counted(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    response.queries = len(queries)
    return response


def add_to_details(*, each: int) -> None:
    """`each` more rows under every demo detail page: an idea's comments and replies to the first, a complaint's
    timeline, a thread's messages. Once before the first walk too (each=1), so that a prefetch Django skips for an
    empty set is not counted as growth: what is measured is one row against many."""
    others = list(User.objects.filter(is_active=True, is_staff=False).order_by("id")[:each])
    for idea in Idea.objects.exclude(author__email__endswith=GENERATED_DOMAIN):
        comments = Comment.objects.bulk_create(Comment(idea=idea, author=other, body="Enig.") for other in others)
        Comment.objects.bulk_create(
            Comment(idea=idea, author=other, body="Også.", parent=comments[0]) for other in others
        )
    demo_complaints = Complaint.objects.exclude(citizen__email__endswith=GENERATED_DOMAIN)
    ComplaintEvent.objects.bulk_create(
        ComplaintEvent(complaint=complaint, kind=kind, actor=actor)
        for complaint in demo_complaints.select_related("citizen", "caseworker")
        for kind, actor in [
            (ComplaintEvent.Kind.INFO_ADDED, complaint.citizen),
            (ComplaintEvent.Kind.REASSIGNED, complaint.caseworker),
            (ComplaintEvent.Kind.CONTACTED, complaint.caseworker),
        ][:each]
    )
    for thread in Thread.objects.filter(participants__isnull=False).distinct():
        authors = list(thread.participants.values_list("user_id", flat=True))
        Message.objects.bulk_create(
            Message(
                thread=thread,
                seq=thread.last_seq + n,
                author_id=authors[n % len(authors)],
                body="Tak.",
                client_id=f"grow-{thread.last_seq + n}",
            )
            for n in range(1, 2 * each + 1)
        )
        Thread.objects.filter(id=thread.id).update(last_seq=thread.last_seq + 2 * each)


def grow() -> None:
    """More of everything, and some of it the demo people's own: their lists grow too, and so do the rows of the
    detail pages the walk reached."""
    generate(complaints=120, ideas=30, supports=300, years=1, seed=99)
    citizen = User.objects.get(email="borger@example.dk")
    caseworker = User.objects.get(email="sagsbehandler@example.dk")
    department = caseworker.department_memberships.first().department
    generated = Complaint.objects.filter(citizen__email__endswith=GENERATED_DOMAIN).order_by("-id")
    Complaint.objects.filter(id__in=generated.values("id")[:25]).update(citizen=citizen, department=department)
    ContactTask.objects.filter(complaint__citizen=citizen).update(assignee=caseworker, department=department)
    add_to_details(each=3)


@pytest.fixture(scope="module")
def measured(demo_municipality, django_db_blocker):
    """(role, address, URL name) → (queries on the demo, queries after it grew). The growth is rolled back after
    the module (a savepoint in the demo's transaction), so the tests on the demo that follow see the demo."""
    # The session's idle expiry is written once a minute (accounts.middleware): under load the walk takes minutes,
    # and the page that happened to cross a minute would count that write as growth. Once per role is enough here.
    with django_db_blocker.unblock(), patch.object(login_middleware, "SEEN_EVERY_SECONDS", 24 * 3600):
        savepoint = transaction.savepoint()
        try:
            add_to_details(each=1)
            clients = {}
            for email in ROLES:
                clients[email] = Client()
                if email:
                    clients[email].force_login(User.objects.get(email=email))
            small = {}
            for email, client in clients.items():
                counts = {}

                def answer(url, client=client, counts=counts):
                    response = counted(client, url)
                    counts[url] = response.queries
                    return response

                for url, name in crawl(client, pages=PAGES_PER_ROLE, answer=answer).items():
                    small[email, url, name] = counts[url]
            grow()
            connection.check_constraints()  # once, not again in every test's teardown (tests/conftest.py, _DemoSeed)
            yield {key: (queries, counted(clients[key[0]], key[1]).queries) for key, queries in small.items()}
        finally:
            transaction.savepoint_rollback(savepoint)


def families() -> list[str]:
    """The URL names of the product's pages (the walk decides which of them it reaches)."""
    from django.urls import get_resolver

    def names(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from names(pattern, inner)
            elif pattern.name:
                yield f"{namespace}{pattern.name}"

    return sorted(set(names(get_resolver())))


def test_the_walk_reaches_the_page_families(measured):
    """Its setup (the `measured` walk: about 480 in-process page requests over six roles, before and after the
    growth) takes tens of seconds, once per run: the module goes to one worker (the demo group, conftest.py)."""
    reached = {name for _email, _url, name in measured}
    assert len(reached) >= 40, sorted(reached)


@pytest.mark.parametrize("name", families())
def test_page_family_takes_constant_queries(measured, name):
    pages = {(email, url): counts for (email, url, family), counts in measured.items() if family == name}
    if not pages:
        pytest.skip("no link leads to this family in the demo (an API, a file, a POST, or a page behind a form)")
    grown = {page: counts for page, counts in pages.items() if counts[1] > counts[0]}
    assert not grown, grown
