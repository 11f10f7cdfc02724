"""No citizen's identity on any committee door: pages, API, the agenda item, the PDF, OParl, the e-mails."""

import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from committees import services as committees
from escalations import services
from notifications.models import Email, Notice
from tests.meetings import hold_meeting

PERSONAL = (
    "Mette",
    "Hansen",
    "borger@example.dk",
    "mette.h@mail.dk",
    "23 45 67 89",
    "23456789",
    "120385-1234",
    "1203851234",
    "Ahornvej 12",
    "Tina",
    "Jepsen",
    "Ali Rahimi",
    "Rahimi",
    "borger2@example.dk",
    "87 65 43 21",
    "150585",  # the CPR number below, in the spellings that passed the old redaction
    "15.05.85",
    "15 05 85",
    "(at)privat",  # the obfuscated e-mail below (the footer links the privatlivspolitik on every page)
    "20.12.34.56",
)


@pytest.fixture
def decided(follows, themed, road, citizen, other_citizen, caseworker, secretary, committee):
    """A road theme, escalated from complaints and an idea full of personal data, placed, decided and published."""
    now = timezone.now()
    description = (
        "Jeg hedder Mette Hansen og bor på Ahornvej 12, 1. th., 4300 Holbæk. Min sagsbehandler Tina Jepsen har "
        "ikke svaret. Ring på 23 45 67 89 eller 23456789, skriv til mette.h@mail.dk. CPR 120385-1234 og 1203851234. "
        "Min mands nummer 150585–4321 (også skrevet 15.05.85-4321 og 15 05 85 4321), mette(at)privat.dk, 20.12.34.56."
    )
    for hours in range(1, 5):
        themed(road, now - timedelta(hours=hours), description=description, caseworker=caseworker,
               notify_about_decisions=True)  # fmt: skip
    themed(road, now - timedelta(hours=5), kind="idea", person=other_citizen,
           body="Ali Rahimi her: ring på 87 65 43 21, så fortæller jeg om cykelstien.")  # fmt: skip
    (escalation,) = services.escalate_themes(now=now)
    meeting = committees.create_meeting(
        actor=secretary, committee=committee, start=now + timedelta(days=7), place="lokale 1.D"
    )
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalation.id)
    assert not item.is_public  # drafted from citizens' complaints: closed until the secretary has read it
    item = committees.update_item(actor=secretary, item=item, is_public=True)  # she has read it: public doors too
    committees.publish_agenda(actor=secretary, meeting=meeting)
    hold_meeting(meeting, by=secretary)
    committees.record_decision(actor=secretary, item=item, decision="Forvaltningen laver en plan.", outcome="decided")
    committees.publish_minutes(actor=secretary, meeting=meeting)
    return {"escalation": escalation, "meeting": meeting, "item": item}


def assert_anonymous(text: str, door: str) -> None:
    found = [token for token in PERSONAL if token in text]
    assert not found, f"{door} shows {found}"


def test_no_identity_on_any_committee_door(client, api, decided, committee, secretary, member, road):
    meeting, item, escalation = decided["meeting"], decided["item"], decided["escalation"]
    assert_anonymous(item.description, "the agenda item's Beskrivelse")
    assert "[navn]" in item.description or "[adresse]" in item.description
    for user in (secretary, member, None):
        client.logout()
        if user:
            client.force_login(user)
        pages = [
            reverse("committees:meeting", args=[meeting.id]),
            reverse("committees:meeting-pdf", args=[meeting.id]),
            f"/oparl/v1.1/agenda-item/{item.id}/",
            f"/oparl/v1.1/paper/{item.id}/",
        ]
        if user:
            pages += [
                reverse("committees:proposals", args=[committee.slug]),
                reverse("escalations:list", args=[committee.slug]),
                reverse("escalations:theme", args=[committee.slug, road.slug]),
            ]
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            if url.endswith(".pdf"):
                text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
            else:
                text = response.content.decode()
            assert_anonymous(text, url)
    for user in (secretary, member):
        for url in (
            f"/api/committees/{committee.slug}/escalations/",
            f"/api/committees/{committee.slug}/themes/{road.slug}/",
            f"/api/committees/{committee.slug}/proposals/",
            f"/api/meetings/{meeting.id}/",
        ):
            response = api(user).get(url)
            assert response.status_code == 200, url
            assert_anonymous(json.dumps(response.json(), ensure_ascii=False), url)
    secretary_mail = Email.objects.filter(recipient=secretary)
    assert secretary_mail.exists()
    for email in secretary_mail:
        assert_anonymous(email.body, "the secretary's e-mail")
    for notice in Notice.objects.filter(user=secretary):
        assert_anonymous(f"{notice.title} {notice.body}", "the secretary's notice")
    assert escalation.status == "open"


def test_the_theme_page_withholds_small_groups(client, member, decided, committee, road, themed, nature, citizen):
    themed(road, timezone.now() - timedelta(days=2), department=nature)
    client.force_login(member)
    html = client.get(reverse("escalations:theme", args=[committee.slug, road.slug])).content.decode()
    section = html[html.index('id="departments-title"') : html.index('id="ideas-title"')]
    assert "Familiecentret" in section and "Natur- og Miljøafdelingen" in section
    assert "færre end 5" in section  # one complaint in Natur og Miljø
    assert ">1<" not in section.split("Natur- og Miljøafdelingen", 1)[1][:200]
    data = client.get(f"/api/committees/{committee.slug}/themes/{road.slug}/").json()
    natur = next(d for d in data["departments"] if d["department"] == "Natur- og Miljøafdelingen")
    assert natur == {"department": "Natur- og Miljøafdelingen", "complaints": None, "suppressed": True}
