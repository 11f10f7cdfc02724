"""'Mine klager' and the inbox can be searched, filtered and paged like the idea boards (issue 9, journey 19):
GET forms that work without JavaScript, each page keeping the search; the live inbox's fragment keeps them too."""

import re

import pytest

from complaints import services
from complaints.models import Complaint, ContactTask

pytestmark = pytest.mark.django_db


def rows(page: str) -> list[str]:
    return re.findall(r">(K-\d{4}-\d{5})[<:]", page)


def test_her_complaints_are_searched_by_words_and_reference_and_filtered_by_status(client, file_complaint, citizen):
    bus = file_complaint(subject="Bussen kom ikke", description="Bussen til skolen kom ikke i tre dage.")
    care = file_complaint(subject="Afslag på aflastning")
    Complaint.objects.filter(id=care.id).update(status=Complaint.Status.IN_DIALOGUE)
    client.force_login(citizen)
    assert rows(client.get("/klager/?q=skolen").content.decode()) == [bus.reference]
    assert rows(client.get(f"/klager/?q={care.reference}").content.decode()) == [care.reference]
    assert rows(client.get("/klager/?status=in_dialogue").content.decode()) == [care.reference]
    nothing = client.get("/klager/?q=vinduer").content.decode()
    assert rows(nothing) == [] and "Ingen af dine klager passer til søgningen." in nothing
    assert set(rows(client.get("/klager/").content.decode())) == {bus.reference, care.reference}


def test_her_complaints_come_in_pages_that_keep_the_search(client, file_complaint, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "complaints.file": (100, 600)}
    for n in range(23):
        file_complaint(subject=f"Vejen er hullet {n}")
    client.force_login(citizen)
    first = client.get("/klager/?q=hullet").content.decode()
    assert len(rows(first)) == 20 and "23 klager" in first
    assert 'href="?q=hullet&amp;side=2"' in first
    assert len(rows(client.get("/klager/?q=hullet&side=2").content.decode())) == 3


def test_another_citizens_complaints_are_never_found(client, file_complaint, other_citizen):
    theirs = file_complaint(subject="Bussen kom ikke")
    client.force_login(other_citizen)
    assert rows(client.get(f"/klager/?q={theirs.reference}").content.decode()) == []


def test_a_bad_filter_is_the_list_unfiltered_with_no_error(client, file_complaint, citizen):
    mine = file_complaint()
    client.force_login(citizen)
    answer = client.get("/klager/?status=nonsense&side=abc")
    assert answer.status_code == 200 and rows(answer.content.decode()) == [mine.reference]


def test_the_inbox_is_searched_filtered_and_its_live_fragment_keeps_the_search(client, file_complaint, caseworker):
    bus = file_complaint(subject="Bussen kom ikke")
    care = file_complaint(subject="Afslag på aflastning")
    for complaint in (bus, care):
        services.route_complaint(complaint_id=complaint.id)
    ContactTask.objects.filter(complaint=care).update(due_at="2020-01-01T12:00Z")
    client.force_login(caseworker)
    assert rows(client.get("/opgaver/?q=bussen").content.decode()) == [bus.reference]
    assert rows(client.get("/opgaver/?overdue=on").content.decode()) == [care.reference]
    assert rows(client.get("/opgaver/?kind=follow_up").content.decode()) == []
    page = client.get("/opgaver/?q=bussen").content.decode()
    assert 'data-fragment-url="/opgaver/?fragment=1&amp;q=bussen' in page
    fragment = client.get("/opgaver/?fragment=1&q=bussen").content.decode()
    assert rows(fragment) == [bus.reference] and "<html" not in fragment
    unfiltered = client.get("/opgaver/?fragment=1").content.decode()
    assert set(rows(unfiltered)) == {bus.reference, care.reference}
