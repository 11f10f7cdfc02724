"""The idea flow through its services: ideas, supports, the threshold, staff picks, comments."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideas import services
from ideas.models import Board, Comment, Idea, Support
from ideas.selectors import access_idea_by_id
from notifications.models import Email, Notice


def proposal_notices(idea):
    return Notice.objects.filter(dedupe_key__startswith=f"idea-proposed-{idea.id}-")


def test_a_citizen_posts_an_idea_on_behalf_of_her_association(board, other_citizen, association):
    idea = services.create_idea(
        author=other_citizen,
        board=board,
        title="  Brevstemmevalg på skolerne ",
        body="Sæt en brevstemmeurne op på gymnasierne i ugerne før valget.",
        association=association,
    )
    assert idea.status == Idea.Status.PUBLISHED
    assert idea.title == "Brevstemmevalg på skolerne"
    assert idea.author_display_name == "Holbæk Ungdomsråd"


def test_posting_for_an_association_one_does_not_belong_to_is_refused(board, citizen, association):
    with pytest.raises(ValidationError) as error:
        services.create_idea(
            author=citizen, board=board, title="En idé", body="En beskrivelse af idéen.", association=association
        )
    assert "association" in error.value.message_dict
    assert not Idea.objects.exists()


def test_threshold_makes_the_idea_a_proposal_once_and_tells_author_and_supporters(idea, citizens, outbox):
    first, second, third, late = citizens(4)
    services.support_idea(user=first, idea=idea)
    services.support_idea(user=second, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED
    assert not proposal_notices(idea).exists()

    services.support_idea(user=third, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    assert idea.proposal_source == Idea.ProposalSource.THRESHOLD
    assert idea.proposed_at is not None
    told = set(proposal_notices(idea).values_list("user_id", flat=True))
    assert told == {idea.author_id, first.id, second.id, third.id}
    emails = Email.objects.filter(dedupe_key__startswith=f"idea-proposed-{idea.id}-")
    assert set(emails.values_list("recipient_id", flat=True)) == told
    author_mail = emails.get(recipient=idea.author)
    assert "Din idé" in author_mail.body and "Projektudvalget" in author_mail.body
    assert f"/ideer/{idea.id}/" in author_mail.body

    # Withdrawing does not undo the proposal; supporting again does not propose twice.
    services.withdraw_support(user=first, idea=idea)
    services.withdraw_support(user=second, idea=idea)
    services.support_idea(user=first, idea=idea)
    services.support_idea(user=late, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    assert proposal_notices(idea).count() == 4


def test_support_twice_is_one_support_and_withdraw_removes_it(idea, other_citizen):
    assert services.support_idea(user=other_citizen, idea=idea) is True
    assert services.support_idea(user=other_citizen, idea=idea) is False
    assert access_idea_by_id(user=other_citizen, idea_id=idea.id).support_count == 1
    assert access_idea_by_id(user=other_citizen, idea_id=idea.id).supported_by_me is True
    assert services.withdraw_support(user=other_citizen, idea=idea) is True
    assert services.withdraw_support(user=other_citizen, idea=idea) is False
    assert access_idea_by_id(user=other_citizen, idea_id=idea.id).support_count == 0


def test_notice_is_in_the_supporters_language(idea, english_citizen, citizens):
    services.support_idea(user=english_citizen, idea=idea)
    for user in citizens(2):
        services.support_idea(user=user, idea=idea)
    notice = proposal_notices(idea).get(user=english_citizen)
    assert notice.title.startswith("The idea")
    mail = Email.objects.get(recipient=english_citizen, dedupe_key__startswith=f"idea-proposed-{idea.id}-")
    assert "which you support" in mail.body
    danish = proposal_notices(idea).get(user=idea.author)
    assert danish.title.startswith("Idéen")


@pytest.mark.parametrize("picker", ["employee", "secretary"])
def test_staff_pick_an_idea_as_proposal(request, idea, picker):
    actor = request.getfixturevalue(picker)
    services.propose_idea(actor=actor, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    assert idea.proposal_source == Idea.ProposalSource.STAFF
    assert proposal_notices(idea).filter(user=idea.author).count() == 1
    with pytest.raises(ValidationError):
        services.propose_idea(actor=actor, idea=idea)
    assert proposal_notices(idea).count() == 1


@pytest.mark.parametrize("picker", ["citizen", "other_citizen"])
def test_citizens_cannot_pick_proposals(request, idea, picker):
    with pytest.raises(PermissionDenied):
        services.propose_idea(actor=request.getfixturevalue(picker), idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PUBLISHED


def test_author_edits_while_collecting_but_not_after_proposal(idea, citizen, employee):
    services.update_idea(
        actor=citizen, idea=idea, title="Gratis bus på valgdagen", body="Busserne kører gratis hele dagen."
    )
    idea.refresh_from_db()
    assert idea.title == "Gratis bus på valgdagen"
    services.propose_idea(actor=employee, idea=idea)
    with pytest.raises(ValidationError) as error:
        services.update_idea(actor=citizen, idea=idea, title="Noget andet", body="En helt anden tekst her.")
    assert "idea" in error.value.message_dict
    idea.refresh_from_db()
    assert idea.title == "Gratis bus på valgdagen"


def test_only_the_author_edits(idea, other_citizen, employee):
    for actor in (other_citizen, employee):
        with pytest.raises(PermissionDenied):
            services.update_idea(actor=actor, idea=idea, title="Overtaget", body="Nogen andens tekst her.")


def test_comments_have_one_level_of_replies(idea, citizen, other_citizen):
    top = services.post_comment(author=other_citizen, idea=idea, body="Godt forslag!")
    reply = services.post_comment(author=citizen, idea=idea, body="Tak for det.", parent=top)
    assert reply.parent_id == top.id
    with pytest.raises(ValidationError) as error:
        services.post_comment(author=other_citizen, idea=idea, body="Svar på svar", parent=reply)
    assert error.value.message_dict["parent"] == ["Du kan kun svare på en kommentar, ikke på et svar."]
    assert Comment.objects.count() == 2


def test_a_reply_must_belong_to_the_same_idea(board, idea, citizen, other_citizen):
    other = services.create_idea(author=citizen, board=board, title="Anden idé", body="Noget helt andet her.")
    top = services.post_comment(author=other_citizen, idea=other, body="Kommentar")
    with pytest.raises(ValidationError):
        services.post_comment(author=citizen, idea=idea, body="Forkert sted", parent=top)


def test_comment_edit_window(idea, citizen, other_citizen):
    comment = services.post_comment(author=citizen, idea=idea, body="Første udgave")
    services.edit_comment(actor=citizen, comment=comment, body="Rettet udgave")
    comment.refresh_from_db()
    assert comment.body == "Rettet udgave" and comment.edited_at is not None
    with pytest.raises(PermissionDenied):
        services.edit_comment(actor=other_citizen, comment=comment, body="Ikke din")
    Comment.objects.filter(id=comment.id).update(created_at=timezone.now() - timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.edit_comment(actor=citizen, comment=comment, body="For sent")
    assert "15 minutter" in error.value.messages[0]
    comment.refresh_from_db()
    assert comment.body == "Rettet udgave"


@pytest.mark.parametrize("phase", [Board.Phase.REVIEWING, Board.Phase.CLOSED])
def test_no_support_or_new_ideas_unless_collecting(board, idea, other_citizen, phase):
    Board.objects.filter(id=board.id).update(phase=phase)
    board.refresh_from_db()
    idea.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.support_idea(user=other_citizen, idea=idea)
    assert "lukket" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.create_idea(author=other_citizen, board=board, title="Ny idé", body="Kommer for sent til tavlen.")
    assert not Support.objects.exists()
    assert Idea.objects.count() == 1


def test_no_support_after_the_close_date(board, idea, other_citizen):
    Board.objects.filter(id=board.id).update(
        opens_on=timezone.localdate() - timedelta(days=30), closes_on=timezone.localdate() - timedelta(days=1)
    )
    idea.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.support_idea(user=other_citizen, idea=idea)
    assert "samler kun idéer og støtte fra" in error.value.messages[0]
