"""The OParl 1.1 API checked against the spec itself: the JSON schemas (required fields, types,
`type` URIs), the list pagination, and links that resolve."""

import json
import re
from collections import deque
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from committees import services
from committees.models import Meeting
from tests.committees.conftest import add_items, join, pdf_upload
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "oparl-1.1" / "schema"
ROOT = "/oparl/v1.1/"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def schemas():
    if not SCHEMAS.is_dir():
        pytest.skip(
            f"OParl schemas not found at {SCHEMAS}: the spec checks need ../shared/oparl-1.1 beside the project"
        )
    return {path.stem: json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}


def validate(data: dict, schema_name: str, schemas: dict) -> None:
    """Validate one object against its OParl schema, embedded objects (the schemas' "schema" key) included."""
    from jsonschema import Draft7Validator, FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date-time")(lambda value: not isinstance(value, str) or bool(DATE_TIME.match(value)))
    checker.checks("date")(lambda value: not isinstance(value, str) or bool(DATE.match(value)))
    checker.checks("url")(lambda value: not isinstance(value, str) or value.startswith(("http://", "https://")))
    schema = schemas[schema_name]
    Draft7Validator(schema, format_checker=checker).validate(data)
    assert data["type"] == f"https://schema.oparl.org/1.1/{schema_name}"
    for key, value in data.items():
        assert value not in (None, ""), f"{schema_name}.{key} is empty"
        spec = schema["properties"].get(key, {})
        if "schema" in spec and isinstance(value, dict):
            validate(value, spec["schema"].removesuffix(".json"), schemas)
        if "schema" in spec.get("items", {}) and isinstance(value, list):
            for entry in value:
                validate(entry, spec["items"]["schema"].removesuffix(".json"), schemas)
    if schema_name not in ("Membership", "AgendaItem", "Consultation", "LegislativeTerm"):
        assert "created" in data and "modified" in data, f"{schema_name} lacks created/modified"


def path_of(url: str) -> str:
    assert url.startswith(settings.SITE_URL), url
    return url.removeprefix(settings.SITE_URL)


def urls_in(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(settings.SITE_URL) else []
    if isinstance(value, dict):
        return [url for item in value.values() for url in urls_in(item)]
    if isinstance(value, list):
        return [url for item in value for url in urls_in(item)]
    return []


@pytest.fixture
def council(committee, secretary, chair, member, minutes_meeting, planned_meeting):
    """Minutes with a closed item and an internal attachment, a planned meeting, a public and a private member,
    and a published agenda whose removed attachment and closed item are deleted objects."""
    meeting = services.create_meeting(
        actor=secretary, committee=committee, start=timezone.now() + timedelta(days=10), place="Rådhuset"
    )
    kept, closed = add_items(secretary, meeting, 2, prefix="Senere punkt")
    for item in (kept, closed):
        services.add_attachment(actor=secretary, item=item, title="Bilag der fjernes", upload=pdf_upload())
    services.publish_agenda(actor=secretary, meeting=meeting)
    services.remove_attachment(actor=secretary, attachment=kept.attachments.get())
    services.update_item(actor=secretary, item=closed, is_public=False)
    return minutes_meeting


def test_every_object_follows_the_schema_and_every_link_resolves(client, council, schemas):
    seen, queue, objects, gone = set(), deque([settings.SITE_URL + ROOT]), 0, set()
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(path_of(url))
        if url in gone:
            assert response.status_code == 410, url  # a deleted file's accessUrl (spec 2.7)
            continue
        assert response.status_code == 200, url
        if not path_of(url).startswith(ROOT):
            continue  # a page or a file: it resolves, that is all it must do
        assert response["Access-Control-Allow-Origin"] == "*"
        data = response.json()
        if "data" in data:
            assert set(data) == {"data", "pagination", "links"}, url
            for entry in data["data"]:
                validate(entry, entry["type"].rsplit("/", 1)[1], schemas)
                objects += 1
        else:
            validate(data, data["type"].rsplit("/", 1)[1], schemas)
            assert data["id"] == url.split("?")[0], "an object's id is its own URL"
            objects += 1
        entries = data.get("data", [data])
        gone |= {entry["accessUrl"] for entry in entries if entry.get("deleted") and "accessUrl" in entry}
        queue.extend(u for u in urls_in(data) if u not in seen)
        assert len(seen) < 400
    assert objects > 20
    assert any("/oparl/v1.1/file/" in url for url in seen) and any("/bilag/" in url for url in seen)
    assert sum("/oparl/v1.1/meeting-file/" in url for url in seen) == 3, "two agendas and one minutes"
    papers_with_a_main_file = {url for url in seen if "/oparl/v1.1/paper-file/" in url}
    assert len(papers_with_a_main_file) == 3, "the open items of the minutes and of the later agenda, the closed one's"
    assert any("/sagsfremstilling/" in url for url in seen)
    assert len(gone) == 3, "the removed attachment, the closed item's attachment and the closed item's own document"
    deleted = [
        entry["type"].rsplit("/", 1)[1]
        for name in ("papers", "files")
        for entry in client.get(f"{ROOT}body/kommune/{name}/?elementsPerPage=100").json()["data"]
        if entry.get("deleted")
    ]
    assert sorted(deleted) == ["File", "File", "File", "Paper"]


def test_only_public_content_is_served(client, council, member, chair):
    dump = json.dumps(
        [
            client.get(ROOT + f"body/kommune/{name}/").json()
            for name in (
                "meetings",
                "agenda-items",
                "papers",
                "files",
                "persons",
                "memberships",
                "organizations",
                "consultations",
            )
        ],
        ensure_ascii=False,
    )
    assert "Lukket sag" not in dump and "Internt notat" not in dump
    assert "Offentligt bilag" in dump
    assert chair.full_name in dump and member.full_name not in dump
    assert "@" not in dump, "no e-mail addresses"
    planned_items = [item.id for item in council.committee.meetings.get(status="planned").items.all()]
    for item_id in planned_items:
        assert client.get(f"{ROOT}agenda-item/{item_id}/").status_code == 404
    closed = council.items.get(is_public=False)
    for kind in ("agenda-item", "paper", "consultation"):
        response = client.get(f"{ROOT}{kind}/{closed.id}/")
        assert response.status_code == 404
        assert response.json()["type"] == "https://schema.oparl.org/1.1/Error"
    internal = closed.meeting.items.get(is_public=True).attachments.get(is_internal=True)
    assert client.get(f"{ROOT}file/{internal.id}/").status_code == 404


def test_paper_carries_the_case_number_as_reference(client, council, secretary):
    item = council.items.get(is_public=True)
    AgendaItemModel = type(item)
    AgendaItemModel.objects.filter(id=item.id).update(case_number="13/37262")
    paper = client.get(f"{ROOT}paper/{item.id}/").json()
    assert paper["reference"] == "13/37262"
    assert paper["consultation"][0]["agendaItem"].endswith(f"/agenda-item/{item.id}/")
    agenda_item = client.get(f"{ROOT}agenda-item/{item.id}/").json()
    assert agenda_item["resolutionText"] == f"Udvalget besluttede {item.title}."


def many_meetings(committee, secretary, count: int) -> None:
    for n in range(count):
        meeting = services.create_meeting(
            actor=secretary,
            committee=committee,
            start=timezone.now() - timedelta(days=n + 1),
            place=f"lokale {n % 3}",
        )
        items = add_items(secretary, meeting, 3, prefix=f"Møde {n} punkt")
        services.add_attachment(actor=secretary, item=items[0], title="Bilag", upload=pdf_upload())
        services.publish_agenda(actor=secretary, meeting=meeting)
    for n in range(count):
        join(make_user(f"medlem{n}-{count}@example.dk", f"Medlem {n}"), committee, "member", is_public=True)


LISTS = [
    "meetings",
    "agenda-items",
    "papers",
    "consultations",
    "files",
    "locations",
    "memberships",
    "persons",
    "organizations",
]


def query_counts(client) -> dict[str, int]:
    counts = {}
    for name in LISTS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{ROOT}body/kommune/{name}/?elementsPerPage=100").status_code == 200
        counts[name] = len(queries)
    return counts


def test_lists_cost_the_same_queries_whatever_their_size(client, committee, secretary, django_assert_max_num_queries):
    many_meetings(committee, secretary, 2)
    small = query_counts(client)
    many_meetings(committee, secretary, 20)  # ten times the meetings, items, attachments and members
    assert query_counts(client) == small
    for name in LISTS:
        # One count and one page per run; files are read in four: Bilag, meeting documents, the papers' own
        # documents and the deleted ones.
        with django_assert_max_num_queries(8 if name == "files" else 6):
            client.get(f"{ROOT}body/kommune/{name}/?elementsPerPage=100")


def test_pagination_walks_every_element_once(client, committee, secretary):
    many_meetings(committee, secretary, 5)
    url = f"{ROOT}body/kommune/agenda-items/?elementsPerPage=4"
    first = client.get(url).json()
    assert first["pagination"] == {"totalElements": 15, "elementsPerPage": 4, "currentPage": 1, "totalPages": 4}
    assert "prev" not in first["links"]
    ids, page = [], first
    while True:
        ids += [entry["id"] for entry in page["data"]]
        assert path_of(page["links"]["self"]).startswith(f"{ROOT}body/kommune/agenda-items/")
        if "next" not in page["links"]:
            break
        page = client.get(path_of(page["links"]["next"])).json()
        assert "prev" in page["links"]
    assert len(ids) == 15 == len(set(ids))
    assert page["links"]["self"] == first["links"]["last"]


def test_lists_filter_by_created_and_modified(client, committee, secretary):
    many_meetings(committee, secretary, 2)
    later = (timezone.now() + timedelta(hours=1)).isoformat(timespec="seconds")
    response = client.get(f"{ROOT}body/kommune/meetings/", {"modified_since": later})
    assert response.json()["data"] == []
    earlier = (timezone.now() - timedelta(hours=1)).isoformat(timespec="seconds")
    response = client.get(f"{ROOT}body/kommune/meetings/", {"created_since": earlier, "elementsPerPage": 1})
    data = response.json()
    assert data["pagination"]["totalElements"] == 2
    assert "created_since=" in data["links"]["next"], "filters are kept on the next pages"
    bad = client.get(f"{ROOT}body/kommune/meetings/", {"created_since": "yesterday"})
    assert bad.status_code == 400 and bad.json()["type"] == "https://schema.oparl.org/1.1/Error"


def test_modified_moves_when_an_item_changes(client, council, secretary, planned_meeting):
    Meeting.objects.filter(id=planned_meeting.id).update(updated_at=timezone.now() - timedelta(days=1))
    before = client.get(f"{ROOT}meeting/{planned_meeting.id}/").json()["modified"]
    services.update_item(actor=secretary, item=planned_meeting.items.first(), title="Ny titel")
    assert client.get(f"{ROOT}meeting/{planned_meeting.id}/").json()["modified"] > before
