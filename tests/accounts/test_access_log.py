"""Every personal-data view by staff is logged, and the citizen can export her log."""

import pytest
from django.urls import reverse

from accounts.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


def test_staff_views_are_logged_on_page_and_api_but_the_citizens_own_are_not(
    client, api, citizen, caseworker, routed_complaint
):
    client.force_login(citizen)
    client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    assert not PersonalDataAccess.objects.exists()

    client.force_login(caseworker)
    client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    api(caseworker).get(f"/api/complaints/{routed_complaint.id}/")

    accesses = PersonalDataAccess.objects.filter(subject=citizen, viewer=caseworker)
    assert accesses.count() == 2
    assert accesses.first().what == routed_complaint.reference


def test_a_refused_view_is_not_logged(client, other_caseworker, routed_complaint):
    client.force_login(other_caseworker)
    assert client.get(reverse("complaints:detail", args=[routed_complaint.id])).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_the_citizen_sees_and_exports_only_her_own_log(client, citizen, other_citizen, caseworker, routed_complaint):
    client.force_login(caseworker)
    client.get(reverse("complaints:detail", args=[routed_complaint.id]))

    client.force_login(citizen)
    page = client.get(reverse("access-log")).content.decode()
    assert "Tina Jepsen" in page
    export = client.get(reverse("access-log") + "?format=csv")
    assert export["Content-Type"].startswith("text/csv")
    assert routed_complaint.reference in export.content.decode()

    client.force_login(other_citizen)
    assert "Tina Jepsen" not in client.get(reverse("access-log")).content.decode()
