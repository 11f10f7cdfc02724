"""Moderation: reports, hiding with a public reason, the text kept for staff only (pages and API)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ideas import services
from ideas.models import Idea, Report
from notifications.models import Email, Notice

SECRET = "Gratis bus til valgstederne"
REASON = "Idéen indeholdt personlige oplysninger om en navngiven borger."


@pytest.fixture
def hidden_idea(idea, employee, other_citizen):
    services.report_content(reporter=other_citizen, idea=idea, reason="Den nævner min nabo ved navn.")
    services.hide_idea(actor=employee, idea=idea, reason=REASON)
    idea.refresh_from_db()
    return idea


def test_hiding_keeps_the_text_resolves_reports_and_tells_the_author(hidden_idea, citizen):
    assert hidden_idea.status == Idea.Status.HIDDEN
    assert hidden_idea.title == SECRET  # stored for the record
    assert hidden_idea.hidden_reason == REASON
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    notice = Notice.objects.get(user=citizen)
    assert REASON in notice.body
    mail = Email.objects.get(recipient=citizen, dedupe_key__contains="idea_hidden")
    assert REASON in mail.body


@pytest.mark.parametrize("reader", [None, "citizen", "other_citizen"])
def test_the_public_and_the_author_see_the_reason_not_the_text(client, request, hidden_idea, reader):
    if reader:
        client.force_login(request.getfixturevalue(reader))
    for url in (reverse("ideas:idea", args=[hidden_idea.id]), reverse("ideas:board", args=[hidden_idea.board.slug])):
        page = client.get(url).content.decode()
        assert REASON in page
        assert SECRET not in page
        assert "køre gratis" not in page


@pytest.mark.parametrize("reader", [None, "citizen", "other_citizen"])
def test_the_api_hides_the_text_from_the_public(api, request, hidden_idea, reader):
    client = api(request.getfixturevalue(reader) if reader else None)
    data = client.get(f"/api/ideas/{hidden_idea.id}/").json()
    assert data["is_hidden"] is True and data["body"] is None and data["title"] != SECRET
    assert data["hidden_reason"] == REASON
    listed = client.get("/api/ideas/", {"board": hidden_idea.board.slug}).json()["results"]
    assert SECRET not in str(listed)


def test_the_moderator_sees_the_original_text_on_page_and_api(client, api, hidden_idea, employee):
    client.force_login(employee)
    page = client.get(reverse("ideas:idea", args=[hidden_idea.id])).content.decode()
    assert SECRET in page and REASON in page
    data = api(employee).get(f"/api/ideas/{hidden_idea.id}/").json()
    assert data["title"] == SECRET and "køre gratis" in data["body"]


@pytest.mark.parametrize("role", ["secretary", "caseworker"])
def test_a_committee_or_department_role_alone_neither_reads_hidden_text_nor_moderates(
    client, api, request, hidden_idea, role
):
    """Issue 10, finding 3: moderation (and with it the reporters' names and hidden text) is the moderators' role."""
    user = request.getfixturevalue(role)
    client.force_login(user)
    page = client.get(reverse("ideas:idea", args=[hidden_idea.id])).content.decode()
    assert SECRET not in page and REASON in page
    assert SECRET not in api(user).get(f"/api/ideas/{hidden_idea.id}/").content.decode()
    assert client.get(reverse("ideas:moderation")).status_code in (403, 404)
    assert api(user).get("/api/moderation/reports/").status_code in (403, 404)
    assert api(user).post(f"/api/ideas/{hidden_idea.id}/unhide/").status_code == 403
    hidden_idea.refresh_from_db()
    assert hidden_idea.is_hidden


def test_search_does_not_find_hidden_text_for_the_public(client, api, employee, hidden_idea):
    url = reverse("ideas:board", args=[hidden_idea.board.slug])
    assert "1 idé" not in client.get(url, {"q": "valgstederne"}).content.decode()
    assert api().get("/api/ideas/", {"q": "valgstederne"}).json()["count"] == 0
    assert api(employee).get("/api/ideas/", {"q": "valgstederne"}).json()["count"] == 1


def test_unhiding_restores_the_place_in_the_flow(idea, employee, secretary):
    services.propose_idea(actor=secretary, idea=idea)
    services.hide_idea(actor=employee, idea=idea, reason=REASON)
    services.record_committee_decision(
        idea_ids=[idea.id],
        decision="Udvalget anbefaler gratis bus.",
        outcome="decided",
        url="/referat/1/",
        decided_at=timezone.now(),
    )
    idea.refresh_from_db()
    assert idea.status == Idea.Status.HIDDEN
    services.unhide_idea(actor=employee, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.DECIDED and idea.hidden_reason == ""


def test_a_hidden_idea_cannot_be_supported_or_commented(hidden_idea, other_citizen):
    with pytest.raises(ValidationError):
        services.support_idea(user=other_citizen, idea=hidden_idea)
    with pytest.raises(ValidationError):
        services.post_comment(author=other_citizen, idea=hidden_idea, body="Hmm")


def test_hidden_comment_shows_the_reason_to_the_public_and_the_text_to_staff(
    client, api, idea, citizen, other_citizen, employee
):
    comment = services.post_comment(author=other_citizen, idea=idea, body="Min nabo Kurtius er skyld i alt.")
    services.report_content(reporter=citizen, comment=comment, reason="Hænger en nabo ud.")
    services.hide_comment(actor=employee, comment=comment, reason="Kommentaren hængte en navngiven person ud.")
    url = reverse("ideas:idea", args=[idea.id])
    public = client.get(url).content.decode()
    assert "Kommentaren hængte en navngiven person ud." in public and "Kurtius" not in public
    comments = api().get(f"/api/ideas/{idea.id}/comments/").json()
    assert comments[0]["body"] is None and comments[0]["is_hidden"] is True
    client.force_login(employee)
    assert "Min nabo Kurtius" in client.get(url).content.decode()
    assert api(employee).get(f"/api/ideas/{idea.id}/comments/").json()[0]["body"].startswith("Min nabo")
    assert Notice.objects.filter(user=other_citizen, body__contains="navngiven").exists()


def test_the_moderation_queue_and_dismissal(client, api, idea, other_citizen, employee):
    services.report_content(reporter=other_citizen, idea=idea, reason="Det er reklame for et busselskab.")
    with pytest.raises(ValidationError) as error:
        services.report_content(reporter=other_citizen, idea=idea, reason="Igen igen igen.")
    assert "allerede anmeldt" in error.value.messages[0]
    client.force_login(employee)
    queue = client.get(reverse("ideas:moderation")).content.decode()
    assert "reklame for et busselskab" in queue
    reports = api(employee).get("/api/moderation/reports/").json()["results"]
    assert reports[0]["reason"] == "Det er reklame for et busselskab."
    response = client.post(reverse("ideas:report-dismiss", args=[reports[0]["id"]]))
    assert response.status_code == 302
    assert "reklame" not in client.get(reverse("ideas:moderation")).content.decode()
    idea.refresh_from_db()
    assert not idea.is_hidden


def test_hide_through_the_page_form(client, idea, employee, citizen):
    client.force_login(employee)
    response = client.post(reverse("ideas:hide", args=[idea.id]), {"reason": REASON})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.is_hidden and idea.hidden_by == employee
    response = client.post(reverse("ideas:unhide", args=[idea.id]))
    idea.refresh_from_db()
    assert not idea.is_hidden and idea.status == Idea.Status.PUBLISHED


# Found by the role × door matrix (tests/test_role_door_matrix.py).


def test_a_hidden_idea_or_comment_has_no_report_page_showing_its_text(client, idea, other_citizen, employee):
    """Reporting what is already hidden makes no sense, and the page would show the text the moderator hid."""
    comment = services.post_comment(author=other_citizen, idea=idea, body="Min nabo hedder Kurt Hansen.")
    services.hide_comment(actor=employee, comment=comment, reason=REASON)
    services.hide_idea(actor=employee, idea=idea, reason=REASON)
    hidden_idea = idea
    client.force_login(other_citizen)
    for url in (reverse("ideas:report", args=[hidden_idea.id]), reverse("ideas:comment-report", args=[comment.id])):
        response = client.get(url)
        assert response.status_code == 404
        assert SECRET not in response.content.decode() and "Kurt Hansen" not in response.content.decode()


def test_the_author_asking_to_edit_her_hidden_idea_is_told_it_cannot_change(client, hidden_idea, citizen):
    """It was a server error: the form's error was added to an unbound form."""
    client.force_login(citizen)
    response = client.get(reverse("ideas:edit", args=[hidden_idea.id]))
    assert response.status_code == 400
    assert str(services.IDEA_NOT_EDITABLE) in response.content.decode()


def test_the_moderation_queue_is_searched_and_filtered(client, idea, citizens, employee, citizen):
    # Issue 9, journey 19: the queue like the idea boards — search and what was reported (pages: core.pagination).
    comment = services.post_comment(author=citizen, idea=idea, body="Ring til mig på mit nummer i aften.")
    first, second = citizens(2)
    services.report_content(reporter=first, idea=idea, reason="Det er reklame for et busselskab.")
    services.report_content(reporter=second, comment=comment, reason="Personlige oplysninger i kommentaren.")
    client.force_login(employee)
    queue = lambda query: client.get(f"{reverse('ideas:moderation')}?{query}").content.decode()  # noqa: E731
    assert "busselskab" in queue("q=reklame") and "Personlige oplysninger" not in queue("q=reklame")
    assert "Personlige oplysninger" in queue("kind=comment") and "busselskab" not in queue("kind=comment")
    assert "busselskab" in queue("kind=idea") and "2 anmeldelser venter" in queue("")
    assert "Ingen anmeldelser passer til søgningen." in queue("q=vinduespudsning")
    unfiltered = queue("kind=nonsense")  # a bad filter is the queue unfiltered, no error
    assert "busselskab" in unfiltered and "Personlige oplysninger" in unfiltered
