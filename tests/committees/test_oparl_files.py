"""OParl's files and deleted objects: a meeting's agenda and minutes as `invitation` and `resultsProtocol`,
whose size and checksum are those of the bytes downloaded; attachments as `auxiliaryFile`; papers and files
that stop being public kept as deleted objects (spec 2.8), found by a client syncing with `modified_since`."""

import hashlib
from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from committees import services
from committees.models import MeetingFile, PaperFile, Tombstone
from tests.committees.conftest import pdf_upload
from tests.documents.reading import pages

pytestmark = pytest.mark.django_db

ROOT = "/oparl/v1.1/"


def get(client, url: str):
    return client.get(url.removeprefix(settings.SITE_URL))


def downloaded(client, file: dict) -> bytes:
    """The file as a client downloads it, after checking what OParl says about it describes exactly those bytes."""
    response = get(client, file["downloadUrl"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert file["fileName"] in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert len(content) == file["size"] == int(response["Content-Length"])
    assert hashlib.sha512(content).hexdigest() == file["sha512Checksum"]
    assert response["Content-Type"] == file["mimeType"]
    access = get(client, file["accessUrl"])
    assert access.status_code == 200 and "attachment" not in access.get("Content-Disposition", "")
    assert b"".join(access.streaming_content) == content
    return content


def text_of(content: bytes) -> str:
    return "\n".join(pages(content))


def meeting_json(client, meeting) -> dict:
    return client.get(f"{ROOT}meeting/{meeting.id}/").json()


def test_a_planned_meeting_has_no_documents(client, planned_meeting):
    data = meeting_json(client, planned_meeting)
    assert "invitation" not in data and "resultsProtocol" not in data
    assert not MeetingFile.objects.filter(meeting=planned_meeting).exists()


def test_the_published_agenda_is_the_invitation_as_the_public_reads_it(client, published_meeting):
    data = meeting_json(client, published_meeting)
    assert "resultsProtocol" not in data
    invitation = data["invitation"]
    assert invitation["mimeType"] == "application/pdf" and invitation["fileName"].endswith(".pdf")
    assert invitation["date"] == timezone.localdate().isoformat()
    text = text_of(downloaded(client, invitation))
    assert "DAGSORDEN" in text and "Punkt 1" in text and "Offentligt bilag" in text
    assert "Lukket sag" not in text and "Internt notat" not in text, "closed content is never in the public file"
    standalone = get(client, invitation["id"]).json()
    assert standalone["id"] == invitation["id"] and standalone["meeting"] == [data["id"]]
    listed = client.get(f"{ROOT}body/kommune/files/?elementsPerPage=100").json()["data"]
    assert invitation["id"] in [entry["id"] for entry in listed]


def test_the_agenda_is_stored_again_when_its_public_content_changes(client, published_meeting, secretary):
    MeetingFile.objects.filter(meeting=published_meeting).update(updated_at=timezone.now() - timedelta(days=1))
    before = meeting_json(client, published_meeting)["invitation"]
    item = published_meeting.items.get(is_public=True)
    services.update_item(actor=secretary, item=item, title="Ny titel på sagen")
    after = meeting_json(client, published_meeting)["invitation"]
    assert after["id"] == before["id"] and after["modified"] > before["modified"]
    assert after["sha512Checksum"] != before["sha512Checksum"]
    assert "Ny titel på sagen" in text_of(downloaded(client, after))
    assert MeetingFile.objects.filter(meeting=published_meeting).count() == 1


def test_the_minutes_are_the_results_protocol_and_the_agenda_stays(client, minutes_meeting):
    data = meeting_json(client, minutes_meeting)
    protocol = text_of(downloaded(client, data["resultsProtocol"]))
    assert "REFERAT" in protocol and "BESLUTNING I" in protocol and "Udvalget besluttede Punkt 1." in protocol
    assert "Lukket sag" not in protocol and "Internt notat" not in protocol
    agenda = text_of(downloaded(client, data["invitation"]))
    assert "DAGSORDEN" in agenda and "Udvalget besluttede" not in agenda
    assert data["resultsProtocol"]["date"] == timezone.localdate(minutes_meeting.minutes_published_at).isoformat()


def test_public_attachments_are_auxiliary_files_with_their_own_checksum(client, published_meeting):
    data = meeting_json(client, published_meeting)
    names = [file["name"] for file in data["auxiliaryFile"]]
    assert names == ["Offentligt bilag"]
    item = published_meeting.items.get(is_public=True)
    paper = client.get(f"{ROOT}paper/{item.id}/").json()
    assert [file["name"] for file in paper["auxiliaryFile"]] == ["Offentligt bilag"]
    assert paper["consultation"][0]["meeting"] == data["id"]
    file = get(client, paper["auxiliaryFile"][0]["id"]).json()
    assert file["meeting"] == [data["id"]] and file["paper"] == [paper["id"]]
    assert b"%PDF" in downloaded(client, file)[:8]


def test_stored_minutes_are_not_served_before_they_are_published(client, held_meeting):
    stored = services.store_public_file(meeting=held_meeting, kind=MeetingFile.Kind.MINUTES)
    assert client.get(stored.get_absolute_url()).status_code == 404
    assert client.get(stored.get_download_url()).status_code == 404
    assert client.get(f"{ROOT}meeting-file/{stored.id}/").status_code == 404
    assert "resultsProtocol" not in meeting_json(client, held_meeting)
    listed = client.get(f"{ROOT}body/kommune/files/?elementsPerPage=100").json()["data"]
    assert [entry["name"] for entry in listed if entry.get("name", "").startswith(("Dagsorden", "Referat"))] == [
        meeting_json(client, held_meeting)["invitation"]["name"]
    ]


def _since(moment) -> dict:
    return {"modified_since": moment.isoformat(timespec="seconds")}


def test_closing_an_item_keeps_its_paper_and_files_as_deleted(client, published_meeting, secretary):
    item = published_meeting.items.get(is_public=True)
    public = item.attachments.get(is_internal=False)
    internal = item.attachments.get(is_internal=True)
    paper_before = client.get(f"{ROOT}paper/{item.id}/").json()
    meeting_before = meeting_json(client, published_meeting)["modified"]
    synced = timezone.now() - timedelta(seconds=1)

    services.update_item(actor=secretary, item=item, is_public=False)

    paper = client.get(f"{ROOT}paper/{item.id}/")
    assert paper.status_code == 200
    assert paper.json() == {
        "id": paper_before["id"],
        "type": "https://schema.oparl.org/1.1/Paper",
        "created": paper_before["created"],
        "modified": paper.json()["modified"],
        "deleted": True,
    }
    assert datetime.fromisoformat(paper.json()["modified"]) >= synced.replace(microsecond=0)
    assert client.get(f"{ROOT}agenda-item/{item.id}/").status_code == 404  # the spec lets these simply go
    assert client.get(f"{ROOT}consultation/{item.id}/").status_code == 404
    assert meeting_json(client, published_meeting)["modified"] >= meeting_before
    file = client.get(f"{ROOT}file/{public.id}/").json()
    assert file["deleted"] is True and set(file) == {"id", "type", "created", "modified", "deleted", "accessUrl"}
    assert get(client, file["accessUrl"]).status_code == 410
    assert client.get(f"{ROOT}file/{internal.id}/").status_code == 404, "an internal file was never public"
    changed_papers = client.get(f"{ROOT}body/kommune/papers/", _since(synced)).json()["data"]
    assert [(entry["id"], entry.get("deleted")) for entry in changed_papers] == [(paper_before["id"], True)]
    changed_files = client.get(f"{ROOT}body/kommune/files/", _since(synced)).json()["data"]
    assert {(entry["id"], entry.get("deleted")) for entry in changed_files} >= {(file["id"], True)}

    services.update_item(actor=secretary, item=item, is_public=True)  # opened again: back, not deleted
    assert "deleted" not in client.get(f"{ROOT}paper/{item.id}/").json()
    assert client.get(f"{ROOT}file/{public.id}/").json()["name"] == "Offentligt bilag"
    assert not Tombstone.objects.exists()


def test_an_item_taken_off_a_published_agenda_is_a_deleted_paper(client, published_meeting, secretary):
    item, closed = published_meeting.items.get(is_public=True), published_meeting.items.get(is_public=False)
    attachment_id = item.attachments.get(is_internal=False).id
    services.add_attachment(actor=secretary, item=closed, title="Lukket bilag", upload=pdf_upload())
    closed_number = closed.number
    services.remove_item(actor=secretary, item=item)
    closed.refresh_from_db()
    assert closed.number == closed_number and closed.order == 1, "published numbers stay; the order closes up"
    assert client.get(f"{ROOT}paper/{item.id}/").json()["deleted"] is True
    assert client.get(f"{ROOT}file/{attachment_id}/").json()["deleted"] is True
    assert client.get(f"{ROOT}agenda-item/{item.id}/").status_code == 404
    services.remove_item(actor=secretary, item=closed)  # never public: no tombstones for it or its files
    assert client.get(f"{ROOT}paper/{closed.id}/").status_code == 404
    assert set(Tombstone.objects.values_list("kind", "object_id")) == {
        ("paper", item.id),
        ("paper-file", item.id),
        ("file", attachment_id),
    }
    assert "Punkt 1" not in text_of(downloaded(client, meeting_json(client, published_meeting)["invitation"]))


def test_a_removed_attachment_is_a_deleted_file_that_answers_gone(client, published_meeting, secretary):
    item = published_meeting.items.get(is_public=True)
    attachment = item.attachments.get(is_internal=False)
    attachment_id, access_url = attachment.id, attachment.get_absolute_url()
    services.remove_attachment(actor=secretary, attachment=attachment)
    file = client.get(f"{ROOT}file/{attachment_id}/").json()
    assert file["deleted"] is True and file["accessUrl"].endswith(access_url)
    assert client.get(access_url).status_code == 410
    assert "auxiliaryFile" not in client.get(f"{ROOT}paper/{item.id}/").json()
    listed = client.get(f"{ROOT}body/kommune/files/?elementsPerPage=100").json()["data"]
    assert {"id": file["id"], "deleted": True}.items() <= next(e for e in listed if e["id"] == file["id"]).items()


def test_items_cannot_be_taken_off_once_the_meeting_is_held(held_meeting, secretary):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.remove_item(actor=secretary, item=held_meeting.items.first())
    assert "afholdt" in error.value.message_dict["title"][0]
    assert not Tombstone.objects.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"modified_since": "yesterday"},
        {"created_until": "2015-03-24"},
        {"modified_until": "2015-03-24T17:00:00"},  # no time zone
        {"created_since": "2015-13-45T17:00:00+01:00"},  # no such day
        {"modified_since": "2015-02-30T17:00:00+01:00"},
        {"created_since": "\x00"},
    ],
)
def test_bad_filters_are_a_clear_400(client, published_meeting, params):
    for name in ("meetings", "papers", "files"):
        response = client.get(f"{ROOT}body/kommune/{name}/", params)
        assert response.status_code == 400, (name, params)
        body = response.json()
        assert body["type"] == "https://schema.oparl.org/1.1/Error"
        if "\x00" in next(iter(params.values())):
            continue  # refused at the edge (core.middleware), before OParl reads it
        assert next(iter(params)) in body["debug"]
        assert "time zone" in body["debug"] or "not a real date-time" in body["debug"]


def test_until_filters_and_an_unencoded_plus(client, published_meeting):
    created = timezone.localtime(published_meeting.created_at)
    before = (created - timedelta(minutes=1)).isoformat(timespec="seconds")
    after = (created + timedelta(minutes=1)).isoformat(timespec="seconds")
    url = f"{ROOT}body/kommune/meetings/"
    assert client.get(url, {"created_until": before}).json()["data"] == []
    assert len(client.get(url, {"created_until": after}).json()["data"]) == 1
    assert len(client.get(url, {"modified_until": after, "created_since": before}).json()["data"]) == 1
    raw = client.get(f"{url}?created_since={before}")  # "+01:00" unencoded arrives as " 01:00"
    assert raw.status_code == 200 and len(raw.json()["data"]) == 1


# A paper's own document (mainFile)


def paper_of(client, item) -> dict:
    return client.get(f"{ROOT}paper/{item.id}/").json()


def test_each_open_item_has_its_own_document_as_the_papers_main_file(client, published_meeting):
    item = published_meeting.items.get(is_public=True)
    closed = published_meeting.items.get(is_public=False)
    main = paper_of(client, item)["mainFile"]
    assert main["mimeType"] == "application/pdf" and main["fileName"].startswith("Punkt-1-")
    assert main["name"] == f"Punkt 1: {item.title}"
    text = text_of(downloaded(client, main))
    assert f"Punkt 1: {item.title}" in text and "INDSTILLING" in text and "Beskrivelse af sagen" in text
    assert "Udvalget drøfter punkt 1." in text and "første pind" in text
    assert "Offentligt bilag" in text and "Internt notat" not in text, "the public's Bilag only"
    assert "DAGSORDEN" not in text and "Punkt 2" not in text, "the item alone, not the agenda"
    standalone = get(client, main["id"]).json()
    assert standalone["paper"] == [paper_of(client, item)["id"]] and standalone["meeting"] == [
        meeting_json(client, published_meeting)["id"]
    ]
    assert standalone["sha512Checksum"] == main["sha512Checksum"]
    listed = client.get(f"{ROOT}body/kommune/files/?elementsPerPage=100").json()["data"]
    assert main["id"] in [entry["id"] for entry in listed]
    assert PaperFile.objects.filter(item__meeting=published_meeting).count() == 1, "a closed item has none"
    assert client.get(f"{ROOT}paper-file/{closed.id}/").status_code == 404


def test_no_item_has_a_main_file_before_the_agenda_is_published(client, planned_meeting):
    assert not PaperFile.objects.exists()
    item = planned_meeting.items.first()
    assert client.get(f"{ROOT}paper-file/{item.id}/").status_code == 404
    assert client.get(f"/punkter/{item.id}/sagsfremstilling/x.pdf").status_code == 404


def test_the_main_file_is_stored_again_when_the_item_or_its_bilag_change(client, published_meeting, secretary):
    item = published_meeting.items.get(is_public=True)
    PaperFile.objects.filter(item=item).update(updated_at=timezone.now() - timedelta(days=1))
    before = paper_of(client, item)["mainFile"]
    services.update_item(actor=secretary, item=item, description="Ny beskrivelse af sagen.")
    edited = paper_of(client, item)["mainFile"]
    assert edited["id"] == before["id"] and edited["modified"] > before["modified"]
    assert edited["sha512Checksum"] != before["sha512Checksum"]
    assert "Ny beskrivelse af sagen." in text_of(downloaded(client, edited))
    services.add_attachment(actor=secretary, item=item, title="Nyt bilag", upload=pdf_upload())
    added = paper_of(client, item)["mainFile"]
    assert added["sha512Checksum"] != edited["sha512Checksum"] and "Nyt bilag" in text_of(downloaded(client, added))
    assert PaperFile.objects.count() == 1


def test_a_closed_items_main_file_is_deleted_and_answers_gone_until_it_opens_again(
    client, published_meeting, secretary
):
    item = published_meeting.items.get(is_public=True)
    main = paper_of(client, item)["mainFile"]
    synced = timezone.now() - timedelta(seconds=1)
    services.update_item(actor=secretary, item=item, is_public=False)
    deleted = get(client, main["id"]).json()
    assert deleted["deleted"] is True and deleted["type"] == "https://schema.oparl.org/1.1/File"
    assert get(client, deleted["accessUrl"]).status_code == 410
    assert get(client, main["downloadUrl"]).status_code == 410
    changed = client.get(f"{ROOT}body/kommune/files/", _since(synced)).json()["data"]
    assert (main["id"], True) in {(entry["id"], entry.get("deleted")) for entry in changed}
    services.update_item(actor=secretary, item=item, is_public=True, title="Åben igen")
    again = paper_of(client, item)["mainFile"]
    assert again["id"] == main["id"] and "Åben igen" in text_of(downloaded(client, again))
    assert not Tombstone.objects.exists()


def test_an_item_taken_off_takes_its_main_file_with_it(
    client, published_meeting, secretary, django_capture_on_commit_callbacks
):
    item = published_meeting.items.get(is_public=True)
    stored = PaperFile.objects.get(item=item)
    name, main_id = stored.file.name, paper_of(client, item)["mainFile"]["id"]
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_item(actor=secretary, item=item)
    assert not PaperFile.objects.exists() and not PaperFile.file.field.storage.exists(name)
    assert get(client, main_id).json()["deleted"] is True


def test_the_meeting_page_links_each_open_items_own_document(client, published_meeting, planned_meeting, secretary):
    item = published_meeting.items.get(is_public=True)
    stored = PaperFile.objects.get(item=item)
    page = client.get(published_meeting.get_absolute_url()).content.decode()
    assert page.count("Hent punktet som PDF") == 1 and stored.get_absolute_url() in page
    client.force_login(secretary)  # she sees the closed item too, but it has no public document to link
    assert client.get(published_meeting.get_absolute_url()).content.decode().count("Hent punktet som PDF") == 1
    assert "Hent punktet som PDF" not in client.get(planned_meeting.get_absolute_url()).content.decode()
