"""Routing under real concurrent transactions (each thread its own PostgreSQL connection).

The complaints routed here are stored without file_complaint's commit hooks, so that no Celery worker
(the end-to-end tests' live stack shares this Redis) routes them behind the test's back.
"""

import threading
from collections import Counter

import pytest
from django.db import OperationalError, connection, transaction

from accounts.models import DepartmentMembership
from complaints import services
from complaints.models import Complaint, ContactTask
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def in_threads(function, arguments: list) -> list:
    """Run function(argument) for every argument at once, each in its own thread and connection; the results
    (an exception where one was raised)."""
    barrier = threading.Barrier(len(arguments))
    results = [None] * len(arguments)

    def run(index, argument):
        try:
            barrier.wait()
            results[index] = function(argument)
        except Exception as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def unrouted(citizen, department) -> Complaint:
    return Complaint.objects.create(
        citizen=citizen, kind=Complaint.Kind.CASE_HANDLING, department=department, subject="Ventetid",
        description="Jeg har ventet længe.", contact_channel=Complaint.ContactChannel.EMAIL,
    )  # fmt: skip


def test_parallel_routers_spread_complaints_over_the_least_busy_caseworkers(citizen, family):
    caseworkers = [make_user(f"sb{i}@example.dk", f"Sagsbehandler {i}") for i in range(3)]
    for person in caseworkers:
        DepartmentMembership.objects.create(user=person, department=family, role=DepartmentMembership.Role.CASEWORKER)
    complaints = [unrouted(citizen, family) for _ in range(6)]

    tasks = in_threads(lambda complaint: services.route_complaint(complaint_id=complaint.id), complaints)

    assert all(isinstance(task, ContactTask) for task in tasks), tasks
    per_person = Counter(ContactTask.objects.values_list("assignee__email", flat=True))
    assert per_person == {person.email: 2 for person in caseworkers}


def test_a_router_in_progress_does_not_hold_up_new_complaints_in_its_department(
    file_complaint, citizen, family, caseworker
):
    waiting = unrouted(citizen, family)

    def file_with_lock_timeout(_):
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '3s'")  # blocked on a lock: fail instead of waiting
            return file_complaint().id

    with transaction.atomic():
        services.route_complaint(complaint_id=waiting.id)  # its locks are held until this block ends
        [filed] = in_threads(file_with_lock_timeout, [None])
    assert isinstance(filed, int), filed


def test_a_second_router_of_the_same_complaint_waits_and_then_creates_nothing(citizen, family, caseworker):
    complaint = unrouted(citizen, family)

    def route_without_waiting(_):
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '200ms'")
            return services.route_complaint(complaint_id=complaint.id)

    with transaction.atomic():
        services.route_complaint(complaint_id=complaint.id)
        [refused] = in_threads(route_without_waiting, [None])
    assert isinstance(refused, OperationalError), refused  # it had to wait for the complaint's lock
    assert in_threads(lambda _: services.route_complaint(complaint_id=complaint.id), [None]) == [None]
    assert complaint.tasks.count() == 1
