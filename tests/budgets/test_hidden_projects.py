"""A hidden project on the budget's page: its title is shown to the moderators only (the same rule as the idea
pages: ideas.models.Moderated.hidden_from with can_see_hidden_text), not to every employee."""

import pytest
from django.urls import reverse

from ideas import services as ideas

pytestmark = pytest.mark.django_db


def test_the_budget_page_shows_a_hidden_project_title_to_moderators_only(client, budget, propose, staff, moderator):
    project = propose("Bænke langs havnen", 60_000)
    ideas.hide_idea(actor=moderator, idea=project.idea, reason="Projektet nævner en navngiven nabo.")
    url = reverse("budgets:budget", args=[budget.slug])
    for reader, sees_title in ((None, False), (staff, False), (moderator, True)):
        client.logout()
        if reader:
            client.force_login(reader)
        page = client.get(url).content.decode()
        assert ("Bænke langs havnen" in page) == sees_title
        assert ("Skjult projekt" in page) != sees_title
