import pytest

from access_requests import services
from complaints import services as complaint_services

NEIGHBOUR_TEXT = "Min nabo Hans Jensen sagde til mødet, at vores søn ikke kunne få aflastning. Ring på 12 34 56 78."


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    """Files (released attachments, the fristbrev) in a temporary private storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


@pytest.fixture
def case(file_complaint, caseworker):
    """A routed complaint whose text names another person (the neighbour) and a phone number."""
    complaint = file_complaint(description=NEIGHBOUR_TEXT)
    complaint_services.route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint


@pytest.fixture
def own_request(case, citizen):
    return services.request_access(requester=citizen, complaint_id=case.id)
