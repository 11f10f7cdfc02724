"""The follow-up survey link: works once, without login, and expires."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from complaints import services
from complaints.models import Survey
from notifications.models import Email

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_path(routed_complaint, caseworker, citizen):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="decision_changed", note="Medhold.")
    body = Email.objects.get(recipient=citizen, subject__contains="afsluttet").body
    return re.search(r"https?://[^/\s]+(/undersoegelse/[^\s]+/)", body).group(1)


def test_the_link_opens_the_survey_without_login(client, survey_path):
    response = client.get(survey_path)
    assert response.status_code == 200
    assert "Hvordan oplevede du forløbet?" in response.content.decode()


def test_an_answer_is_stored_once_and_the_link_then_stops_working(client, survey_path, routed_complaint):
    response = client.post(survey_path, {"rating": "4", "understood_decision": "yes", "comment": "God dialog."})
    assert response.status_code == 200
    survey = Survey.objects.get(complaint=routed_complaint)
    assert (survey.rating, survey.understood_decision, survey.comment) == (4, True, "God dialog.")

    again = client.post(survey_path, {"rating": "1", "understood_decision": "no"})
    assert again.status_code == 410
    survey.refresh_from_db()
    assert survey.rating == 4


def test_an_expired_link_does_not_work(client, survey_path, routed_complaint):
    Survey.objects.filter(complaint=routed_complaint).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(survey_path).status_code == 410


def test_an_unknown_token_does_not_work(client, survey_path):
    assert client.get("/undersoegelse/not-a-real-token/").status_code == 410


@pytest.mark.parametrize("rating", ["0", "6", "abc", ""])
def test_a_bad_rating_is_refused_and_nothing_is_stored(client, survey_path, routed_complaint, rating):
    response = client.post(survey_path, {"rating": rating, "understood_decision": "yes"})
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert Survey.objects.get(complaint=routed_complaint).answered_at is None


def test_the_token_is_not_stored_in_clear(survey_path, routed_complaint):
    token = survey_path.rstrip("/").rsplit("/", 1)[1]
    assert Survey.objects.get(complaint=routed_complaint).token_hash != token
