"""Shared fixtures: people in every role, API clients, and the live stack.

Tests run against real PostgreSQL and Redis (DATABASE_URL, REDIS_URL); the
end-to-end tests also against a real ASGI server and Celery worker process.
"""

import io
from contextlib import ExitStack

import pytest
import redis
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation
from rest_framework.test import APIClient

from accounts.models import Committee, CommitteeMembership, Department, DepartmentMembership, User
from accounts.services import issue_api_token
from complaints import services as complaint_services
from complaints.models import Complaint
from tests.e2e import playwright_loop

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Danish: a request in English leaves its language active on the thread afterwards."""
    with translation.override("da"):
        yield


@pytest.fixture(scope="session", autouse=True)
def empty_parked_broker():
    """The test process's broker database (tests/redis_db.py) keeps what the tests enqueue, unread: start it empty."""
    from django.conf import settings

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()


@pytest.fixture(scope="session", autouse=True)
def no_rate_limit_counts_from_an_earlier_run():
    """The rate limits (core.ratelimit) count per user id in REDIS_URL's database; each run's test database gives
    its people the same ids again, so counts left by a run minutes ago would refuse this run's writes."""
    from django.conf import settings

    counters = redis.Redis.from_url(settings.REDIS_URL)
    for name in counters.scan_iter(match="ratelimit:*", count=1000):
        counters.delete(name)


@pytest.fixture(scope="session", autouse=True)
def catalogue_survives_flushes(django_db_setup):
    """Django's flush after each transactional test sends post_migrate, as if the database had just been made:
    the content types and permissions are rebuilt (about 100 queries) and django-pgtrigger installs every trigger
    again, about a tenth of a second per test and some 30 s a run. Once the test databases exist nothing of that
    changes: the flush keeps the catalogue (tests/flushing_postgresql) and DELETE leaves the triggers, so from
    here on post_migrate has no receivers (a test of migrate itself runs it in a process of its own)."""
    from django.db.models.signals import post_migrate

    receivers = post_migrate.receivers
    post_migrate.receivers = []
    post_migrate.sender_receivers_cache.clear()
    yield
    post_migrate.receivers = receivers
    post_migrate.sender_receivers_cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing a password is slow on purpose; the tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def small_demo_history(settings):
    """seed_demo's generated history is for people trying the product; a few hundred complaints show the same."""
    settings.DEMO_GENERATED_COMPLAINTS = 300


class _DemoSeed:
    """The demo municipality, seeded inside a transaction that stays open while tests using it follow one another.

    Those tests are moved to the start of the run (pytest_collection_modifyitems), and pytest-xdist hands them
    all to one worker as one group (pytest_xdist_make_scheduler), so they follow one another there: the demo is
    seeded once in the run, and rolled back when the last test using it is done."""

    def __init__(self):
        self.open: ExitStack | None = None
        self.next_item: pytest.Item | None = None

    def enter(self, django_db_blocker) -> None:
        if self.open is not None:
            return
        stack = ExitStack()
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(
            override_settings(
                DEMO=True,
                DEMO_GENERATED_COMPLAINTS=300,
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            )
        )
        stack.enter_context(transaction.atomic())
        stack.callback(transaction.set_rollback, True)  # runs before the atomic block exits: nothing is kept
        with stack.pop_all() as on_failure:
            call_command("seed_demo", stdout=io.StringIO())
            # The seed's foreign keys are checked at commit, which never comes: each test's teardown checks them
            # (TestCase: SET CONSTRAINTS ALL IMMEDIATE) inside the test's savepoint, whose rollback puts them back
            # as unchecked, about 25 ms per test. Checked once here, in the seed's own transaction, they are done.
            connection.check_constraints()
            self.open = on_failure.pop_all()

    def leave_unless_next_needs_it(self) -> None:
        if self.next_item is not None and uses_demo(self.next_item):
            return
        self.open.close()
        self.open = None


_demo = _DemoSeed()


def uses_demo(item: pytest.Item) -> bool:
    return "demo_municipality" in getattr(item, "fixturenames", ())


# Tests that take long, started before the many short ones (besides the demo's group): the longest first leaves
# only short tests for the end of the run, where one long test on one worker would keep the other waiting.
LONG_FIRST = ("tests/test_migrations.py", "tests/e2e/", "tests/core/test_headers.py", "tests/test_platform.py")


def run_order(item: pytest.Item) -> int:
    if uses_demo(item):
        return 0
    path = item.nodeid.split("::")[0]
    return 1 + next((i for i, prefix in enumerate(LONG_FIRST) if path.startswith(prefix)), len(LONG_FIRST))


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """The tests on the demo municipality first (see _DemoSeed) and as one group, then the long ones."""
    for item in items:
        if uses_demo(item):
            item.add_marker(pytest.mark.xdist_group("demo"))
    items.sort(key=run_order)  # stable: each part keeps its order


def pytest_xdist_make_scheduler(config, log):
    """--dist loadgroup (pyproject.toml) with a whole module as the unit of the tests in no group, as loadscope
    has it: the tests on the demo municipality go to one worker together, so it is seeded once in the run (split
    over the workers by module, it was seeded again each time a worker's next module came in a later batch,
    ~6-9 s each), and a module's own fixtures are still made once."""
    from xdist.scheduler import LoadGroupScheduling

    class ModulesAndGroups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = super()._split_scope(nodeid)
            return group if group != nodeid else nodeid.rsplit("::", 1)[0]

    return ModulesAndGroups(config, log)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    with playwright_loop.seen_by(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    with playwright_loop.seen_by(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    _demo.next_item = nextitem  # read by demo_municipality's teardown, which runs inside this hook
    with playwright_loop.seen_by(item):
        return (yield)


@pytest.fixture(scope="module")
def demo_municipality(django_db_setup, django_db_blocker):
    """The demo municipality (seed_demo) under every test of the module; each test's own changes are rolled back
    after the test (a savepoint inside the seed's transaction). Seeded once for the tests that follow one another
    (_DemoSeed)."""
    _demo.enter(django_db_blocker)
    yield
    _demo.leave_unless_next_needs_it()


def make_user(email: str, name: str, **fields) -> User:
    return User.objects.create_user(email, PASSWORD, full_name=name, **fields)


@pytest.fixture
def family(db) -> Department:
    return Department.objects.create(name="Familiecentret", slug="familiecentret", working_days_to_first_contact=2)


@pytest.fixture
def nature(db) -> Department:
    return Department.objects.create(name="Natur- og Miljøafdelingen", slug="natur-og-miljo")


@pytest.fixture
def citizen(db) -> User:
    return make_user("borger@example.dk", "Mette Hansen")


@pytest.fixture
def other_citizen(db) -> User:
    return make_user("borger2@example.dk", "Ali Rahimi")


@pytest.fixture
def english_citizen(db) -> User:
    return make_user("english@example.dk", "Emma Smith", preferred_language="en")


@pytest.fixture
def caseworker(family) -> User:
    user = make_user("sagsbehandler@example.dk", "Tina Jepsen")
    DepartmentMembership.objects.create(user=user, department=family, role=DepartmentMembership.Role.CASEWORKER)
    return user


@pytest.fixture
def second_caseworker(family) -> User:
    user = make_user("sagsbehandler3@example.dk", "Jonas Berg")
    DepartmentMembership.objects.create(user=user, department=family, role=DepartmentMembership.Role.CASEWORKER)
    return user


@pytest.fixture
def other_caseworker(nature) -> User:
    user = make_user("sagsbehandler2@example.dk", "Lars Holm")
    DepartmentMembership.objects.create(user=user, department=nature, role=DepartmentMembership.Role.CASEWORKER)
    return user


@pytest.fixture
def lead(family) -> User:
    user = make_user("leder@example.dk", "Birgitte Sørensen")
    DepartmentMembership.objects.create(user=user, department=family, role=DepartmentMembership.Role.LEAD)
    return user


@pytest.fixture
def committee(db) -> Committee:
    return Committee.objects.create(
        name="Projektudvalget for Demokratieksperimentariet",
        slug="projektudvalget",
        short_name="Demokratieksperimentariet",
    )


@pytest.fixture
def secretary(committee) -> User:
    user = make_user("sekretaer@example.dk", "Karen Munk")
    CommitteeMembership.objects.create(user=user, committee=committee, role=CommitteeMembership.Role.SECRETARY)
    return user


@pytest.fixture
def everyone(citizen, other_citizen, caseworker, lead, other_caseworker, secretary, moderator) -> dict:
    """A table of people in every role, by what they are, for the tests that ask an access rule of each
    (tests/rule_pairs.py): an app's test adds its own roles to it."""
    return {
        "anonymous": AnonymousUser(),
        "citizen": citizen,
        "another citizen": other_citizen,
        "caseworker in Familiecentret": caseworker,
        "lead of Familiecentret": lead,
        "staff of Natur- og Miljø": other_caseworker,
        "the committee's secretary": secretary,
        "moderator": moderator,
        "administrator": make_user("administrator@kommune.dk", "Administrator", is_staff=True),
    }


def api_token(user: User) -> str:
    """An API token for the user, as the token endpoint hands one out (django-rest-knox: one per device)."""
    return issue_api_token(user=user, device="test")[1]


@pytest.fixture
def moderator(db) -> User:
    """Staff with the moderation role (the Moderatorer group), on no committee and in no department."""
    from django.contrib.auth.models import Group, Permission

    from accounts.models import MODERATE_PERMISSION

    user = make_user("moderator@kommune.dk", "Rikke Thomsen")
    group, _ = Group.objects.get_or_create(name="Moderatorer")
    group.permissions.add(Permission.objects.get(content_type__app_label="accounts", codename=MODERATE_PERMISSION))
    user.groups.add(group)
    return user


@pytest.fixture
def api():
    """An API client factory: api(user) is authenticated with the user's token, api() is anonymous."""

    def client_for(user: User | None = None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {api_token(user)}")
        return client

    return client_for


@pytest.fixture
def outbox():
    """E-mails the product sent (the locmem backend) in this test."""
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def file_complaint(citizen, family):
    """File a valid complaint; keyword arguments override the defaults."""

    def file(**overrides) -> Complaint:
        fields = {
            "citizen": citizen,
            "kind": Complaint.Kind.DECISION,
            "department": family,
            "subject": "Afslag på aflastning",
            "description": "Jeg forstår ikke, hvorfor vi har fået afslag på aflastning til vores søn.",
            "contact_channel": Complaint.ContactChannel.PHONE,
            "phone": "12 34 56 78",
            **overrides,
        }
        return complaint_services.file_complaint(**fields)

    return file


@pytest.fixture
def routed_complaint(file_complaint, caseworker):
    complaint = file_complaint()
    complaint_services.route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint


# Themes with fixed ids far above any the sequence hands out, so one classifier trained per session fits them all.
DEMO_THEME_ID_BASE = 900_000


@pytest.fixture(scope="session")
def theme_classifier_blob():
    """A theme classifier trained once per session on generated Danish complaint texts (themes.demo ids)."""
    from demo.texts import labelled_examples
    from themes import classifier
    from themes.demo import THEMES

    ids = {slug: DEMO_THEME_ID_BASE + i for i, (_name, slug, _description) in enumerate(THEMES)}
    examples = [(text, [ids[slug] for slug in slugs]) for text, slugs in labelled_examples(700, seed=7)]
    return classifier.dumps(classifier.train(examples))


@pytest.fixture
def demo_themes(db):
    """The demo taxonomy, by slug."""
    from themes.demo import THEMES
    from themes.models import Theme

    return {
        slug: Theme.objects.create(id=DEMO_THEME_ID_BASE + i, name=name, slug=slug, description=description)
        for i, (name, slug, description) in enumerate(THEMES)
    }


@pytest.fixture
def suggestion_model(demo_themes, theme_classifier_blob):
    """A trained suggestion model in use, for the demo themes."""
    from themes.models import SuggestionModel

    return SuggestionModel.objects.create(examples=700, holdout=0, themes=len(demo_themes), blob=theme_classifier_blob)


# Assisted intake: Borgerservice files for citizens who are not online.


@pytest.fixture
def borgerservice(db) -> Department:
    return Department.objects.create(name="Borgerservice", slug="borgerservice", accepts_complaints=False)


@pytest.fixture
def clerk(borgerservice) -> User:
    """A citizen service employee (the citizen_service role) at Borgerservice."""
    user = make_user("borgerservice@example.dk", "Bodil Service")
    DepartmentMembership.objects.create(
        user=user, department=borgerservice, role=DepartmentMembership.Role.CITIZEN_SERVICE
    )
    return user


@pytest.fixture
def file_for_citizen(clerk, family):
    """Borgerservice files a valid complaint for a phone citizen; returns (complaint, code). Overrides apply."""

    def file(**overrides):
        fields = {
            "actor": clerk,
            "full_name": "Inger Madsen",
            "identified_by": "phone_only",
            "consent": True,
            "postal_address": "Kanalstræde 2\n4300 Holbæk",
            "phone": "22 33 44 55",
            "receipt_by_letter": True,
            "receipt_by_email": False,
            "kind": Complaint.Kind.CASE_HANDLING,
            "department": family,
            "subject": "Ingen svar på min ansøgning",
            "description": "Jeg har ventet i tre måneder på svar om hjælp i hjemmet.",
            "contact_channel": Complaint.ContactChannel.PHONE,
            **overrides,
        }
        return complaint_services.file_complaint_for_citizen(**fields)

    return file
