"""The demo's people hold what they could hold (issue 9, journey 7): every open task is with someone who works in
its department today; only finished history names former colleagues."""

import pytest

from accounts.models import DepartmentMembership
from complaints.models import ContactTask


@pytest.mark.django_db
def test_every_open_task_is_with_a_member_of_its_department(demo_municipality):
    members = set(DepartmentMembership.objects.values_list("user_id", "department_id"))
    open_tasks = ContactTask.objects.filter(status=ContactTask.Status.OPEN, assignee__isnull=False)
    assert open_tasks.exists()
    stray = [
        (task.id, task.assignee_id, task.department_id)
        for task in open_tasks
        if (task.assignee_id, task.department_id) not in members
    ]
    assert stray == []
