"""The flow a new user tries on the demo, from a citizen's idea to the published minutes and back:
a citizen proposes an idea on a demo board, demo citizens support it past the threshold, the secretary
puts it on the upcoming meeting, publishes the agenda, records the decision and publishes the minutes
as a page and a PDF, and the idea's author and supporters are told."""

import hashlib
import io

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import User
from committees.models import AgendaItem, Meeting
from ideas.models import Idea
from notifications.models import Email, Notice
from tests.meetings import let_the_meeting_begin

pytestmark = pytest.mark.django_db

SUPPORTERS = ["borger2@example.dk", "borger3@example.dk", "borger4@example.dk"]


@pytest.fixture
def demo(demo_municipality, db, settings):
    settings.DEMO = True


def login(client, email: str):
    client.force_login(User.objects.get(email=email))
    return client


def test_from_idea_to_minutes_and_back_to_the_citizens(client, demo):
    login(client, "borger@example.dk").post(
        reverse("ideas:create", args=["valgfremme"]),
        {"title": "Valgcafé på biblioteket", "body": "En valgcafé med kaffe og kandidater i ugen før valget."},
    )
    idea = Idea.objects.get(title="Valgcafé på biblioteket")
    for email in SUPPORTERS:
        login(client, email).post(reverse("ideas:support", args=[idea.id]))

    secretary = login(client, "sekretaer@example.dk")
    slug = "projektudvalget-demokratieksperimentariet"
    queue = secretary.get(reverse("committees:proposals", args=[slug])).content.decode()
    assert "Valgcafé på biblioteket" in queue and "støttet af 3 borgere" in queue
    meeting = Meeting.objects.filter(status=Meeting.Status.PLANNED).order_by("start").first()  # the next one
    response = secretary.post(
        reverse("committees:proposal-place", args=[slug]),
        {"kind": "idea", "object_id": idea.id, "meeting": meeting.id},
    )
    item = AgendaItem.objects.get(sources__object_id=idea.id)
    assert response["Location"] == reverse("committees:item-edit", args=[item.id])
    assert "En valgcafé med kaffe og kandidater i ugen før valget." in item.description
    secretary.post(reverse("committees:publish-agenda", args=[meeting.id]), {"confirm": "1"})
    item.refresh_from_db()
    assert item.number == 125  # numbers run on from 2015 (119–123) after the drafted status item (124)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.ON_AGENDA

    let_the_meeting_begin(meeting)
    secretary.post(reverse("committees:mark-held", args=[meeting.id]), {"confirm": "1"})
    for each in meeting.items.all():
        data = {"decision": "Udvalget vil afprøve en valgcafé ved næste valg."}
        if each.id == item.id:
            data["outcome"] = "implemented"
        assert secretary.post(reverse("committees:item-decision", args=[each.id]), data).status_code == 302
    secretary.post(reverse("committees:publish-minutes", args=[meeting.id]), {"confirm": "1"})

    client.logout()
    page = client.get(reverse("committees:meeting", args=[meeting.id])).content.decode()
    assert "REFERAT" in page and "Punkt 125: Valgcafé på biblioteket" in page
    pdf = client.get(reverse("committees:meeting-pdf", args=[meeting.id]))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Punkt 125: Valgcafé på biblioteket" in text and "BESLUTNING I DEMOKRATIEKSPERIMENTARIET" in text

    idea.refresh_from_db()
    assert idea.status == Idea.Status.IMPLEMENTED
    told = ["borger@example.dk", *SUPPORTERS]
    link = f"{reverse('committees:meeting', args=[meeting.id])}#punkt-{item.id}"
    for email in told:
        notices = Notice.objects.filter(user__email=email, url__endswith=link, title__contains="beslutning")
        assert notices.count() == 1, email
        assert Email.objects.filter(to_address=email, dedupe_key__startswith=f"idea-decided-{idea.id}-").count() == 1
    assert "Valgcafé på biblioteket" in login(client, "borger@example.dk").get(reverse("notice-list")).content.decode()


def test_an_oparl_client_finds_the_2015_minutes_through_results_protocol(client, demo):
    """From the system object, as a client that knows only the entry point: bodies, the body, its meetings
    page by page, the meeting of 24-03-2015, its resultsProtocol, and the download matching its checksum."""

    def get(url: str) -> dict:
        response = client.get(url.removeprefix(settings.SITE_URL))
        assert response.status_code == 200, url
        return response.json()

    def fetch(url: str) -> bytes:
        response = client.get(url.removeprefix(settings.SITE_URL))
        assert response.status_code == 200, url
        return b"".join(response.streaming_content)

    system = get("/oparl/v1.1/")
    body = get(get(system["body"])["data"][0]["id"])
    page, meeting = get(body["meeting"]), None
    while meeting is None:
        meeting = next((entry for entry in page["data"] if entry["name"].endswith("24-03-2015")), None)
        if meeting is None:
            page = get(page["links"]["next"])
    protocol = meeting["resultsProtocol"]
    assert get(protocol["id"])["meeting"] == [meeting["id"]]
    content = fetch(protocol["downloadUrl"])
    assert len(content) == protocol["size"] and hashlib.sha512(content).hexdigest() == protocol["sha512Checksum"]
    assert protocol["date"] == "2015-03-26" and protocol["fileName"].startswith("REFERAT")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "REFERAT" in text and "Punkt 119: Drøftelse - Myndighed på ny måde" in text
    assert "BESLUTNING I DEMOKRATIEKSPERIMENTARIET DEN 24-03-2015" in text
    agenda = fetch(meeting["invitation"]["downloadUrl"])
    assert "DAGSORDEN" in PdfReader(io.BytesIO(agenda)).pages[0].extract_text()
