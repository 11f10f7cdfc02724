"""The names of everyone known to a case are removed from what reaches a committee — the theme page, its API
and the agenda item drafted from an escalation — also where the complaint names one of them alone, by a first
name or a surname that no other rule would catch: the citizen, her representative (a fuldmagt for all her
complaints), the caseworker, the staff member who wrote the contact log, a colleague who wrote in the thread."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from committees import services as committees
from complaints.models import ContactLog, ContactTask, Representation
from complaints.selectors import people_known_to_case, theme_excerpts
from dialogue.models import Message, Participant, Thread
from escalations import services
from tests.conftest import make_user

# Each person is named by one word of her name only: no cue, no list of common names, no name pair catches it.
NAMED = {
    "representative": ("Gunvor Thorsager", "Thorsager"),
    "log author": ("Ravn Løvholt", "Løvholt"),
    "colleague": ("Zeynep Kaya", "Zeynep"),
    "caseworker": ("Tove Skram", "Skram"),
}


@pytest.fixture
def case(follows, themed, road, citizen, caseworker, family):
    """Five road complaints of the citizen, whose text names the people of their case, each by one word: the first
    has a contact log and a thread, the others know only the citizen, her representative and the caseworker."""
    people = {role: make_user(f"{role.replace(' ', '')}@example.dk", name) for role, (name, _w) in NAMED.items()}
    caseworker.full_name = NAMED["caseworker"][0]
    caseworker.save(update_fields=["full_name"])
    everyone = (
        f"{NAMED['representative'][1]} skriver for min mor. {NAMED['log author'][1]} lovede at ringe, "
        f"{NAMED['colleague'][1]} svarede aldrig, og {NAMED['caseworker'][1]} har sagen."
    )
    theirs = f"{NAMED['representative'][1]} skriver for min mor, og {NAMED['caseworker'][1]} har sagen."
    now = timezone.now()
    complaints = [
        themed(
            road, now - timedelta(hours=hours), description=everyone if hours == 1 else theirs, caseworker=caseworker
        )
        for hours in range(1, 6)
    ]
    first = complaints[0]
    Representation.objects.create(
        principal=citizen,
        representative=people["representative"],
        complaint=None,  # all her complaints
        valid_from=timezone.localdate(),
        status=Representation.Status.ACTIVE,
    )
    task = ContactTask.objects.create(complaint=first, kind="early_contact", department=family, due_at=now)
    ContactLog.objects.create(
        task=task,
        complaint=first,
        author=people["log author"],
        channel="phone",
        contacted_at=now,
        summary="Talt med borgeren.",
        citizen_understood_decision="yes",
    )
    thread = Thread.objects.create(title="Huller i vejen", department=family)
    Participant.objects.create(thread=thread, user=people["colleague"], role="staff")
    Message.objects.create(thread=thread, author=people["colleague"], body="Vi kigger på det.", seq=1, client_id="k1")
    type(first).objects.filter(id=first.id).update(thread=thread)
    for complaint in complaints[1:]:  # the other complaints' cases know the representative and the caseworker only
        assert "Zeynep Kaya" not in [p.full_name for p in people_known_to_case(complaint=complaint)]
    return {"complaints": complaints, "people": people}


def assert_nameless(text: str, door: str) -> None:
    found = [word for _name, word in NAMED.values() if word in text]
    assert not found, f"{door} shows {found}"


def test_every_person_known_to_the_case_is_known_by_name(case, citizen, caseworker):
    known = {person.full_name for person in people_known_to_case(complaint=case["complaints"][0])}
    assert known == {citizen.full_name, *(name for name, _word in NAMED.values())}


def test_no_name_known_to_the_case_reaches_the_theme_page_its_api_or_the_agenda(
    case, client, api, road, committee, secretary, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):  # the complaints, who is linked to them, the people: whatever the number
        excerpts = theme_excerpts(theme_ids=[road.id], limit=5)
    first = next(e["text"] for e in excerpts)
    assert_nameless(" ".join(e["text"] for e in excerpts), "the excerpts")
    assert "[navn] skriver for min mor" in first and "[navn] har sagen" in first

    (escalation,) = services.escalate_themes(now=timezone.now())
    client.force_login(secretary)
    page = client.get(reverse("escalations:theme", args=[committee.slug, road.slug]))
    assert page.status_code == 200
    assert_nameless(page.content.decode(), "the theme page")
    data = api(secretary).get(f"/api/committees/{committee.slug}/themes/{road.slug}/").json()
    assert_nameless(json.dumps(data, ensure_ascii=False), "the theme API")

    meeting = committees.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=7), place="lokale 1.D"
    )
    item = committees.place_proposal(actor=secretary, meeting=meeting, kind="theme", object_id=escalation.id)
    assert "[navn] skriver for min mor" in item.description
    assert_nameless(item.description, "the agenda item drafted from the escalation")
