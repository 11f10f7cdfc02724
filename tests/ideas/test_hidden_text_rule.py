"""Who is shown a hidden idea's or comment's text is one rule on the model (ideas.models.Moderated.hidden_from),
which the pages ask through {% load moderation %}'s tags and the serializers ask directly."""

import pytest
from django.template import Context, Template

from ideas import services

pytestmark = pytest.mark.django_db

REASON = "Idéen nævner en navngiven nabo."


def render(text: str, **context) -> str:
    return Template("{% load moderation %}" + text).render(Context(context))


def test_the_rule_and_its_filters(idea, moderator):
    assert not idea.hidden_from(show_hidden=False)
    assert idea.title_for(show_hidden=False) == idea.title
    services.hide_idea(actor=moderator, idea=idea, reason=REASON)
    idea.refresh_from_db()
    assert idea.hidden_from(show_hidden=False) and not idea.hidden_from(show_hidden=True)
    assert (idea.title_for(show_hidden=False), idea.title_for(show_hidden=True)) == ("Skjult idé", idea.title)
    assert render("{% shown_title idea %}", idea=idea, show_hidden=False) == "Skjult idé"
    assert render("{% shown_title idea %}", idea=idea, show_hidden=True) == idea.title
    hidden = "{% hidden_from_reader idea as hidden %}{% if hidden %}reason{% else %}text{% endif %}"
    assert render(hidden, idea=idea, show_hidden=True) == "text"
    assert render(hidden, idea=idea) == "reason"  # a page that does not say shows nobody hidden text


def test_the_api_asks_the_same_rule(api, idea, moderator, citizen):
    services.hide_idea(actor=moderator, idea=idea, reason=REASON)
    public = api(citizen).get(f"/api/ideas/{idea.id}/").json()
    staff = api(moderator).get(f"/api/ideas/{idea.id}/").json()
    assert (public["title"], public["body"]) == ("Skjult idé", None)
    assert (staff["title"], staff["body"]) == (idea.title, idea.body)
