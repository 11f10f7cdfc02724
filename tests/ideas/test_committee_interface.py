"""The functions the committees app calls: proposals, public summaries, agenda and decision, contributors."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from ideas import selectors, services
from ideas.models import Idea
from notifications.models import Email, Notice

# The meeting that decided: the 2015 minutes' 24 March, 17.00.
MEETING = datetime(2015, 3, 24, 17, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture
def proposal(idea, citizens):
    for user in citizens(3):
        services.support_idea(user=user, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    return idea


def test_proposals_for_committee(proposal, board, committee, citizen, employee, django_assert_max_num_queries):
    other = services.create_idea(author=citizen, board=board, title="Endnu en idé", body="Mere end ti tegn her.")
    services.propose_idea(actor=employee, idea=other)
    services.create_idea(author=citizen, board=board, title="Ikke foreslået", body="Mere end ti tegn her.")
    with django_assert_max_num_queries(1):
        proposals = list(selectors.proposals_for_committee(committee_id=committee.id))
        assert [(p.id, p.support_count, p.board.title, p.author.full_name) for p in proposals] == [
            (proposal.id, 3, board.title, citizen.full_name),
            (other.id, 0, board.title, citizen.full_name),
        ]
    assert list(selectors.proposals_for_committee(committee_id=committee.id + 1)) == []


def test_public_summary_has_no_personal_data(proposal, citizen):
    summary = selectors.idea_public_summary(idea_id=proposal.id)
    assert summary == {
        "id": proposal.id,
        "title": proposal.title,
        "body": proposal.body,
        "is_hidden": False,
        "status": "proposed",
        "support_count": 3,
        "board_title": proposal.board.title,
        "created_at": proposal.created_at,
        "author_name": citizen.full_name,
        "url": f"/ideer/{proposal.id}/",
    }
    assert citizen.email not in str(summary)


def test_public_summary_of_a_hidden_idea_and_of_an_association(board, other_citizen, association, employee):
    idea = services.create_idea(
        author=other_citizen,
        board=board,
        title="Ungdomsrådets idé",
        body="Mere end ti tegn her.",
        association=association,
    )
    assert selectors.idea_public_summary(idea_id=idea.id)["author_name"] == "Holbæk Ungdomsråd"
    services.hide_idea(actor=employee, idea=idea, reason="Skjult af hensyn til en tredjepart.")
    summary = selectors.idea_public_summary(idea_id=idea.id)
    assert summary["body"] == "Skjult af hensyn til en tredjepart." and summary["title"] == "Skjult idé"
    with pytest.raises(Idea.DoesNotExist):
        selectors.idea_public_summary(idea_id=999999)


def test_contributors_are_authors_and_supporters_once_each(proposal, board, citizen, citizens):
    second = services.create_idea(author=citizen, board=board, title="Anden idé", body="Mere end ti tegn her.")
    extra = citizens(1)[0]
    services.support_idea(user=extra, idea=second)
    services.support_idea(user=citizen, idea=second)
    people = list(selectors.contributors_of(idea_ids=[proposal.id, second.id]))
    assert len(people) == len(set(people)) == 5
    assert citizen in people and extra in people


def test_on_agenda_tells_each_contributor_once_per_agenda(proposal, citizen):
    services.mark_ideas_on_agenda(idea_ids=[proposal.id], agenda_url="/udvalg/moeder/7/dagsorden/")
    services.mark_ideas_on_agenda(idea_ids=[proposal.id], agenda_url="/udvalg/moeder/7/dagsorden/")
    proposal.refresh_from_db()
    assert proposal.status == Idea.Status.ON_AGENDA
    assert proposal.agenda_url == "/udvalg/moeder/7/dagsorden/"
    notices = Notice.objects.filter(dedupe_key__startswith=f"idea-on_agenda-{proposal.id}-")
    assert notices.count() == 4 and notices.filter(user=citizen).count() == 1
    mail = Email.objects.get(recipient=citizen, dedupe_key__startswith=f"idea-on_agenda-{proposal.id}-")
    assert "http://" in mail.body and "/udvalg/moeder/7/dagsorden/" in mail.body
    assert proposal not in selectors.proposals_for_committee(committee_id=proposal.board.committee_id)


@pytest.mark.parametrize("outcome", ["decided", "implemented", "declined"])
def test_decision_sets_status_and_tells_everyone_once(proposal, citizen, english_citizen, outcome):
    services.support_idea(user=english_citizen, idea=proposal)
    decision = "Projektudvalget anbefaler Økonomiudvalget at undersøge gratis bus på valgdage."
    for _ in range(2):
        services.record_committee_decision(
            idea_ids=[proposal.id],
            decision=decision,
            outcome=outcome,
            url="https://example.dk/referat/24-03-2015/",
            decided_at=MEETING,
        )
    proposal.refresh_from_db()
    assert proposal.status == outcome
    assert proposal.decision == decision and proposal.decision_url == "https://example.dk/referat/24-03-2015/"
    assert proposal.decided_at == MEETING  # dated by the meeting, not by the day the minutes were published
    told = Notice.objects.filter(dedupe_key__startswith=f"idea-decided-{proposal.id}-")
    assert told.count() == 5 and told.filter(user=citizen).count() == 1
    assert told.get(user=english_citizen).title.startswith("The committee has made a decision")
    emails = Email.objects.filter(dedupe_key__startswith=f"idea-decided-{proposal.id}-")
    assert emails.count() == 5
    assert decision in emails.get(recipient=citizen).body
    assert "https://example.dk/referat/24-03-2015/" in emails.get(recipient=citizen).body
    # Told exactly what was decided, dated by the meeting, in her own language.
    label = {
        "decided": ("Besluttet", "Decided"),
        "implemented": ("Gennemføres", "To be carried out"),
        "declined": ("Afvist", "Declined"),
    }[outcome]
    assert told.get(user=citizen).body.startswith(f"Udvalgets beslutning på mødet 24. marts 2015: {label[0]}.")
    assert told.get(user=english_citizen).body.startswith(
        f"The committee's decision at the meeting of 24 March 2015: {label[1]}."
    )
    assert f"Udfald: {label[0]}" in emails.get(recipient=citizen).body


def test_decision_with_bad_outcome_or_empty_text_changes_nothing(proposal):
    with pytest.raises(ValidationError) as error:
        services.record_committee_decision(
            idea_ids=[proposal.id], decision="", outcome="maybe", url="/r/", decided_at=MEETING
        )
    assert set(error.value.message_dict) == {"outcome", "decision"}
    proposal.refresh_from_db()
    assert proposal.status == Idea.Status.PROPOSED and proposal.decision == ""
    assert not Notice.objects.filter(dedupe_key__startswith="idea-decided-").exists()
