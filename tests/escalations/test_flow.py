"""From escalation to decision: the agenda item's draft holds the evidence, the decision reaches those who asked."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from committees import services as committees
from committees.models import AgendaItemSource
from committees.selectors import proposal_queue
from committees.sources import agenda_event
from escalations import services
from escalations.models import Escalation
from notifications.models import Email, Notice
from tests.conftest import make_user
from tests.meetings import hold_meeting


@pytest.fixture
def escalated(follows, themed, road, secretary):
    """Road complaints and ideas this month, escalated now."""
    now = timezone.now()
    for hours in range(1, 7):
        themed(road, now - timedelta(hours=hours))
    (escalation,) = services.escalate_themes(now=now)
    return escalation


@pytest.fixture
def meeting(committee, secretary):
    return committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )


def test_the_escalation_joins_the_proposal_queue(escalated, committee):
    (proposal,) = proposal_queue(committee=committee)
    assert (proposal.kind, proposal.object_id) == ("theme", escalated.id)
    assert proposal.title == "Emnet »Vej og trafik«"
    assert proposal.support_count == 6
    assert proposal.url.endswith("/emner/vej-og-trafik/")


def test_turning_it_into_an_agenda_item_drafts_the_evidence(escalated, meeting, secretary, committee):
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalated.id)
    assert item.title == "Emnet »Vej og trafik«"
    assert AgendaItemSource.objects.filter(item=item, kind="theme", object_id=escalated.id).exists()
    text = item.description
    assert "Emnet »Vej og trafik« er eskaleret til udvalget" in text
    assert "6 klager og 0 idéer på 30 dage" in text
    assert "Uddrag af klager og idéer (personoplysninger er fjernet):" in text
    assert "Der er store huller i asfalten" in text
    assert "/emner/vej-og-trafik/" in text
    assert proposal_queue(committee=committee) == []  # placed: out of the queue
    with pytest.raises(ValidationError):
        services.dismiss_escalation(actor=secretary, escalation=escalated, reason="For sent")


def test_the_decision_reaches_each_person_who_agreed_once(escalated, meeting, secretary, themed, road, citizen):
    # The citizen agreed on one of her complaints and has an idea too: still one message.
    complaint = road.complaints.first()
    complaint.notify_about_decisions = True
    complaint.save()
    themed(road, timezone.now() - timedelta(days=200), kind="idea", notify_about_decisions=True)
    agreed_author = make_user("idea-author@example.dk", "Sigrid Brandt")
    themed(road, timezone.now() - timedelta(days=3), kind="idea", person=agreed_author, notify_about_decisions=True)
    declined = make_user("quiet@example.dk", "Villads Holm")
    themed(road, timezone.now() - timedelta(days=3), person=declined)  # did not agree

    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalated.id)
    committees.publish_agenda(actor=secretary, meeting=meeting)
    hold_meeting(meeting, by=secretary)
    committees.record_decision(
        actor=secretary, item=item, decision="Udvalget beder forvaltningen lave en plan for vejene.", outcome="decided"
    )
    before = Email.objects.count()
    committees.publish_minutes(actor=secretary, meeting=meeting)

    told = Notice.objects.filter(title__contains="har behandlet emnet »Vej og trafik«")
    assert sorted(told.values_list("user__email", flat=True)) == ["borger@example.dk", "idea-author@example.dk"]
    assert all(notice.body == "Udvalget beder forvaltningen lave en plan for vejene." for notice in told)
    mails = Email.objects.filter(subject__contains="har behandlet et emne, du har skrevet om")
    assert sorted(mails.values_list("to_address", flat=True)) == ["borger@example.dk", "idea-author@example.dk"]
    assert "Udvalget beder forvaltningen lave en plan for vejene." in mails.first().body
    assert Email.objects.count() - before == 2
    # Publishing again tells nobody twice.
    item.refresh_from_db()
    services.tell_about_decision(escalation_ids=[escalated.id], event=agenda_event(item))
    assert told.count() == 2


def test_merged_themes_go_to_the_agenda_and_their_people_hear_too(follows, themed, road, waste, secretary, meeting):
    now = timezone.now()
    for hours in range(1, 6):
        themed(road, now - timedelta(hours=hours))
        themed(waste, now - timedelta(hours=hours))
    escalations = {e.theme.slug: e for e in services.escalate_themes(now=now)}
    waste_person = make_user("affald@example.dk", "Karen Lund")
    themed(waste, now - timedelta(days=2), person=waste_person, notify_about_decisions=True)
    services.merge_escalation(actor=secretary, escalation=escalations["affald"], into=escalations["vej-og-trafik"])
    merged = Escalation.objects.get(id=escalations["affald"].id)
    assert (merged.status, merged.merged_into_id) == ("merged", escalations["vej-og-trafik"].id)
    assert [p.object_id for p in proposal_queue(committee=meeting.committee)] == [escalations["vej-og-trafik"].id]
    item = committees.place_proposal(
        actor=secretary, meeting=meeting, kind="theme", object_id=escalations["vej-og-trafik"].id
    )
    assert "Emnet »Vej og trafik«, »Affald og genbrug« er eskaleret" in item.description
    committees.publish_agenda(actor=secretary, meeting=meeting)
    hold_meeting(meeting, by=secretary)
    committees.record_decision(actor=secretary, item=item, decision="Drøftet.", outcome="decided")
    committees.publish_minutes(actor=secretary, meeting=meeting)
    assert Notice.objects.filter(user=waste_person, title__contains="Affald og genbrug").count() == 1


def test_dismiss_needs_a_reason_and_the_secretary(escalated, secretary, member, committee):
    with pytest.raises(PermissionDenied):
        services.dismiss_escalation(actor=member, escalation=escalated, reason="Nej")
    for reason in ("", "   ", "x" * 2001):
        with pytest.raises(ValidationError):
            services.dismiss_escalation(actor=secretary, escalation=escalated, reason=reason)
    dismissed = services.dismiss_escalation(actor=secretary, escalation=escalated, reason="  Behandlet i foråret. ")
    assert (dismissed.status, dismissed.dismissed_reason, dismissed.handled_by) == (
        "dismissed",
        "Behandlet i foråret.",
        secretary,
    )
    assert proposal_queue(committee=committee) == []
    with pytest.raises(ValidationError):
        services.dismiss_escalation(actor=secretary, escalation=escalated, reason="Igen")


def test_merge_refuses_itself_others_committees_and_handled_ones(
    follows, themed, road, waste, secretary, other_committee, other_secretary
):
    now = timezone.now()
    for hours in range(1, 6):
        themed(road, now - timedelta(hours=hours))
        themed(waste, now - timedelta(hours=hours))
    roads, wastes = sorted(services.escalate_themes(now=now), key=lambda e: e.theme.slug, reverse=True)
    foreign = Escalation.objects.create(
        committee=other_committee, theme=road, window_start=roads.window_start, detected_at=now, window_days=30,
        new_items=5, complaints=5, ideas=0, previous=0, reason="threshold",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.merge_escalation(actor=secretary, escalation=roads, into=roads)
    with pytest.raises(ValidationError):
        services.merge_escalation(actor=secretary, escalation=roads, into=foreign)
    with pytest.raises(PermissionDenied):
        services.merge_escalation(actor=other_secretary, escalation=roads, into=wastes)
    services.dismiss_escalation(actor=secretary, escalation=wastes, reason="Ikke nu")
    with pytest.raises(ValidationError):
        services.merge_escalation(actor=secretary, escalation=roads, into=wastes)
    assert Escalation.objects.get(id=roads.id).status == "open"


def test_placing_removing_and_deciding_move_the_escalation_in_and_out_of_the_queue(
    escalated, meeting, secretary, committee
):
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalated.id)
    escalated.refresh_from_db()
    assert escalated.status == "on_agenda"
    assert escalated.agenda_url.endswith(f"#punkt-{item.id}")
    assert escalated.agenda_date == meeting.start

    committees.remove_item(actor=secretary, item=item)
    escalated.refresh_from_db()
    assert (escalated.status, escalated.agenda_url, escalated.agenda_date) == ("open", "", None)
    assert [p.object_id for p in proposal_queue(committee=committee)] == [escalated.id]

    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalated.id)
    committees.publish_agenda(actor=secretary, meeting=meeting)
    hold_meeting(meeting, by=secretary)
    committees.record_decision(actor=secretary, item=item, decision="Forvaltningen laver en plan.", outcome="decided")
    committees.publish_minutes(actor=secretary, meeting=meeting)
    escalated.refresh_from_db()
    assert (escalated.status, escalated.decision) == ("decided", "Forvaltningen laver en plan.")
    assert proposal_queue(committee=committee) == []  # decided: it does not come back
