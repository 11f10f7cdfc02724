"""OParl 1.1: the committees' public meetings, agendas and papers as the open standard for
council information systems, read-only under /oparl/v1.1/.

Only public content: open items of published agendas, attachments not marked
internal (the selectors' visible_attachments), decisions once the minutes are
published, and of the members only the memberships they made public. Every
object's `id` is its own absolute URL (from SITE_URL, so one canonical URL
whatever Host the request came with); lists are paginated as the spec says
(`data`, `pagination`, `links`), sorted by a fixed key, filtered by
`created_since/_until` and `modified_since/_until`, and cost the same number of
queries whatever their size.

One Body: the municipality. A committee is an Organization; an agenda item is
also a Paper (the case, with the case number as `reference`) and its
Consultation. A meeting's `invitation` and `resultsProtocol` are the agenda and
minutes PDFs stored when published (MeetingFile), and a Paper's `mainFile` is the
item's own document (PaperFile, its sagsfremstilling), so `size` and
`sha512Checksum` describe the bytes `downloadUrl` serves.

Deleted objects (spec 2.8): a paper or file (a Bilag or a paper's main file)
that was public and is no longer (its item closed or taken off a published
agenda, the attachment removed) is
served from its Tombstone as `{"id", "type", "created", "modified", "deleted":
true}` (a file keeps its `accessUrl`, which answers 410), in its list too, so a
client syncing with `modified_since` learns of it. AgendaItem and Consultation
may simply go (the spec allows it); their meeting's `modified` moves.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import EmptyPage, Paginator
from django.db.models import DateTimeField, Max, Min, Prefetch, QuerySet
from django.db.models.functions import Greatest
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET

from accounts.models import Committee, CommitteeMembership, User
from committees.documents import item_heading
from committees.models import AgendaItem, Attachment, Location, Meeting, MeetingFile, PaperFile, Tombstone
from committees.selectors import (
    public_attachments,
    public_items,
    public_meeting_files,
    public_paper_files,
    tombstones,
    visible_attachments,
)

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_KEY = "kommune"
PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class BadRequest(Exception):
    pass


SENTINEL = "987654321"


@cache
def _path_pattern(name: str, arity: int) -> str:
    """The URL path of an OParl view with "{}" where its arguments go (reversing thousands of links is slow)."""
    return reverse(f"oparl:{name}", args=[SENTINEL] * arity).replace(SENTINEL, "{}")


def url(name: str, *args) -> str:
    return settings.SITE_URL + _path_pattern(name, len(args)).format(*args)


def web(path: str) -> str:
    return settings.SITE_URL + path


def stamp(value: datetime) -> str:
    """OParl's date-time: yyyy-mm-ddThh:mm:ss±hh:mm."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def compact(data: dict) -> dict:
    """The spec asks not to print null, "" or [] for properties that have no data."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# --- objects ---------------------------------------------------------------------------------------------


def location_json(location: Location, *, embedded: bool = False) -> dict:
    data = {
        "id": url("location", location.id),
        "type": SCHEMA + "Location",
        "description": location.description,
        "created": stamp(location.created_at),
        "modified": stamp(location.updated_at),
    }
    if not embedded:
        data["meetings"] = [url("meeting", meeting.id) for meeting in location.meetings.all()]
    return compact(data)


def file_json(attachment: Attachment, *, embedded: bool = False) -> dict:
    """An attachment (Bilag) of an agenda item: auxiliaryFile of its AgendaItem, Paper and Meeting."""
    data = {
        "id": url("file", attachment.id),
        "type": SCHEMA + "File",
        "name": attachment.title,
        "fileName": attachment.file_name,
        "mimeType": attachment.mime_type,
        "size": attachment.size,
        # sha1Checksum is deprecated in 1.1; attachments stored before sha512 was kept have none to give.
        "sha512Checksum": attachment.sha512,
        "date": timezone.localtime(attachment.created_at).date().isoformat(),
        "accessUrl": web(attachment.get_absolute_url()),
        "downloadUrl": web(attachment.get_download_url()),
        "created": stamp(attachment.created_at),
        "modified": stamp(attachment.updated_at),
    }
    if not embedded:
        data["meeting"] = [url("meeting", attachment.item.meeting_id)]
        data["agendaItem"] = [url("agenda-item", attachment.item_id)]
        data["paper"] = [url("paper", attachment.item_id)]
    return compact(data)


def meeting_file_json(stored: MeetingFile, *, embedded: bool = False) -> dict:
    """A meeting's published agenda (`invitation`) or minutes (`resultsProtocol`), as stored."""
    meeting = stored.meeting
    published = meeting.minutes_published_at if stored.kind == MeetingFile.Kind.MINUTES else meeting.agenda_published_at
    data = {
        "id": url("meeting-file", stored.id),
        "type": SCHEMA + "File",
        "name": f"{stored.get_kind_display()} {meeting_name(meeting)}",
        "fileName": stored.file_name,
        "mimeType": stored.MIME_TYPE,
        "size": stored.size,
        "sha512Checksum": stored.sha512,
        "date": timezone.localtime(published).date().isoformat(),
        "accessUrl": web(stored.get_absolute_url()),
        "downloadUrl": web(stored.get_download_url()),
        "created": stamp(stored.created_at),
        "modified": stamp(stored.updated_at),
    }
    if not embedded:
        data["meeting"] = [url("meeting", meeting.id)]
    return compact(data)


def paper_file_json(stored: PaperFile, *, embedded: bool = False) -> dict:
    """An open item's own document (its sagsfremstilling): the `mainFile` of its Paper, as stored."""
    item = stored.item
    data = {
        "id": url("paper-file", stored.item_id),
        "type": SCHEMA + "File",
        "name": item_heading(item),
        "fileName": stored.file_name,
        "mimeType": stored.MIME_TYPE,
        "size": stored.size,
        "sha512Checksum": stored.sha512,
        "date": timezone.localtime(stored.created_at).date().isoformat(),
        "accessUrl": web(stored.get_absolute_url()),
        "downloadUrl": web(stored.get_download_url()),
        "created": stamp(stored.created_at),
        "modified": stamp(stored.updated_at),
    }
    if not embedded:
        data["meeting"] = [url("meeting", item.meeting_id)]
        data["agendaItem"] = [url("agenda-item", item.id)]
        data["paper"] = [url("paper", item.id)]
    return compact(data)


TOMBSTONE_FILES = {  # a deleted file's accessUrl, which the schema requires and which answers 410 Gone
    Tombstone.Kind.FILE: "committees:attachment",
    Tombstone.Kind.PAPER_FILE: "committees:paper-file",
}


def tombstone_json(tombstone: Tombstone) -> dict:
    """A deleted paper or file (spec 2.8): id, type and created kept, modified the moment it went."""
    data = {
        "id": url(tombstone.kind, tombstone.object_id),
        "type": SCHEMA + ("File" if tombstone.kind in TOMBSTONE_FILES else "Paper"),
        "created": stamp(tombstone.created_at),
        "modified": stamp(tombstone.deleted_at),
        "deleted": True,
    }
    if tombstone.kind in TOMBSTONE_FILES:
        page = reverse(TOMBSTONE_FILES[tombstone.kind], args=[tombstone.object_id, tombstone.file_name])
        data["accessUrl"] = web(page)
    return data


def _decision_fields(item: AgendaItem) -> dict:
    if not item.meeting.minutes_are_published:
        return {}
    return {"resolutionText": item.decision, "result": item.get_outcome_display() if item.outcome else ""}


def agenda_item_json(item: AgendaItem, *, embedded: bool = False) -> dict:
    data = {
        "id": url("agenda-item", item.id),
        "type": SCHEMA + "AgendaItem",
        "meeting": None if embedded else url("meeting", item.meeting_id),
        "number": str(item.number) if item.number else None,
        "order": item.order,
        "name": item.title,
        "public": True,
        "consultation": url("consultation", item.id),
        **_decision_fields(item),
        "auxiliaryFile": [file_json(attachment, embedded=True) for attachment in item.attachments.all()],
        "created": stamp(item.created_at),
        "modified": stamp(item.updated_at),
        "web": web(f"{item.meeting.get_absolute_url()}#punkt-{item.id}"),
    }
    return compact(data)


def consultation_json(item: AgendaItem, *, embedded: bool = False) -> dict:
    data = {
        "id": url("consultation", item.id),
        "type": SCHEMA + "Consultation",
        "paper": None if embedded else url("paper", item.id),
        "agendaItem": url("agenda-item", item.id),
        "meeting": url("meeting", item.meeting_id),
        "organization": [url("organization", item.committee_id)],
        "authoritative": item.item_type == AgendaItem.ItemType.DECISION,
        "role": item.get_item_type_display(),
        "created": stamp(item.created_at),
        "modified": stamp(item.updated_at),
    }
    return compact(data)


def _main_file(item: AgendaItem) -> PaperFile | None:
    try:
        return item.paper_file
    except PaperFile.DoesNotExist:
        return None


def paper_json(item: AgendaItem) -> dict:
    """The case behind an agenda item, with its case number as `reference`, its own document as `mainFile` and
    its attachments (a hearing's høringsnotat among them) as `auxiliaryFile`."""
    main_file = _main_file(item)
    data = {
        "id": url("paper", item.id),
        "type": SCHEMA + "Paper",
        "body": url("body", BODY_KEY),
        "name": item.title,
        "reference": item.case_number,
        "date": timezone.localtime(item.meeting.start).date().isoformat(),
        "paperType": item.get_item_type_display(),
        "mainFile": paper_file_json(main_file, embedded=True) if main_file else None,
        "auxiliaryFile": [file_json(attachment, embedded=True) for attachment in item.attachments.all()],
        "underDirectionOf": [url("organization", item.committee_id)],
        "consultation": [consultation_json(item, embedded=True)],
        "created": stamp(item.created_at),
        "modified": stamp(item.updated_at),
        "web": web(f"{item.meeting.get_absolute_url()}#punkt-{item.id}"),
    }
    return compact(data)


def meeting_name(meeting: Meeting) -> str:
    return f"{meeting.committee.name} {timezone.localtime(meeting.start):%d-%m-%Y}"


def meeting_json(meeting: Meeting) -> dict:
    stored = {meeting_file.kind: meeting_file for meeting_file in meeting.public_files}
    invitation, protocol = stored.get(MeetingFile.Kind.AGENDA), stored.get(MeetingFile.Kind.MINUTES)
    data = {
        "id": url("meeting", meeting.id),
        "type": SCHEMA + "Meeting",
        "name": meeting_name(meeting),
        "meetingState": meeting.get_status_display(),
        "cancelled": False,
        "start": stamp(meeting.start),
        "end": stamp(meeting.end) if meeting.end else None,
        "location": location_json(meeting.location, embedded=True),
        "organization": [url("organization", meeting.committee_id)],
        "invitation": meeting_file_json(invitation, embedded=True) if invitation else None,
        "resultsProtocol": meeting_file_json(protocol, embedded=True) if protocol else None,
        "auxiliaryFile": [
            file_json(attachment, embedded=True)
            for item in meeting.items.all()
            for attachment in item.attachments.all()
        ],
        "agendaItem": [agenda_item_json(item, embedded=True) for item in meeting.items.all()],
        "created": stamp(meeting.created_at),
        "modified": stamp(meeting.updated_at),
        "web": web(meeting.get_absolute_url()),
    }
    return compact(data)


def membership_json(membership: CommitteeMembership, *, embedded: bool = False) -> dict:
    data = {
        "id": url("membership", membership.id),
        "type": SCHEMA + "Membership",
        "person": None if embedded else url("person", membership.user_id),
        "organization": url("organization", membership.committee_id),
        "role": membership.get_role_display(),
        "votingRight": membership.role != CommitteeMembership.Role.SECRETARY,
        "startDate": membership.start_date.isoformat() if membership.start_date else None,
        "endDate": membership.end_date.isoformat() if membership.end_date else None,
        "created": stamp(membership.created_at),
        "modified": stamp(membership.updated_at),
    }
    return compact(data)


def person_json(person: User) -> dict:
    """A member who made at least one membership public: the name and those memberships, nothing else."""
    data = {
        "id": url("person", person.id),
        "type": SCHEMA + "Person",
        "body": url("body", BODY_KEY),
        "name": person.full_name,
        "membership": [membership_json(membership, embedded=True) for membership in person.public_memberships],
        "created": stamp(person.date_joined),
        "modified": stamp(person.modified),
    }
    return compact(data)


def organization_json(committee: Committee) -> dict:
    data = {
        "id": url("organization", committee.id),
        "type": SCHEMA + "Organization",
        "body": url("body", BODY_KEY),
        "name": committee.name,
        "shortName": committee.short_name,
        "organizationType": "Udvalg",
        "classification": "Udvalg",
        "membership": [url("membership", membership.id) for membership in committee.public_memberships],
        "meeting": url("organization-meetings", committee.id),
        "created": stamp(committee.created_at),
        "modified": stamp(committee.updated_at),
        "web": web(reverse("committees:detail", args=[committee.slug])),
    }
    return compact(data)


def _body_times() -> tuple[datetime, datetime]:
    """The Body and System have no row of their own: they are as old as the first committee and change with them."""
    times = Committee.objects.aggregate(created=Min("created_at"), modified=Max("updated_at"))
    epoch = datetime(2015, 1, 1, tzinfo=timezone.get_current_timezone())
    return times["created"] or epoch, times["modified"] or epoch


def body_json() -> dict:
    created, modified = _body_times()
    return {
        "id": url("body", BODY_KEY),
        "type": SCHEMA + "Body",
        "system": url("system"),
        "name": settings.MUNICIPALITY_NAME,
        "shortName": settings.MUNICIPALITY_NAME.removesuffix(" Kommune"),
        "website": settings.SITE_URL + "/",
        "classification": "Kommune",
        "organization": url("body-organizations", BODY_KEY),
        "person": url("body-persons", BODY_KEY),
        "meeting": url("body-meetings", BODY_KEY),
        "paper": url("body-papers", BODY_KEY),
        "agendaItem": url("body-agenda-items", BODY_KEY),
        "consultation": url("body-consultations", BODY_KEY),
        "file": url("body-files", BODY_KEY),
        "locationList": url("body-locations", BODY_KEY),
        "membership": url("body-memberships", BODY_KEY),
        "legislativeTerm": [],
        "created": stamp(created),
        "modified": stamp(modified),
        "web": settings.SITE_URL + reverse("committees:list"),
    }


def system_json() -> dict:
    created, modified = _body_times()
    return {
        "id": url("system"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": f"Borgerdialog – {settings.MUNICIPALITY_NAME}",
        "body": url("bodies"),
        "website": settings.SITE_URL + "/",
        "created": stamp(created),
        "modified": stamp(modified),
    }


# --- querysets: public content only, with everything a page needs fetched in a constant number of queries ---


def _public_memberships() -> QuerySet[CommitteeMembership]:
    return CommitteeMembership.objects.filter(is_public=True).order_by("id")


def _public_files() -> QuerySet[Attachment]:
    """An open item's attachments as the public sees them (prefetched under items already public)."""
    return visible_attachments(user=AnonymousUser())


def _items() -> QuerySet[AgendaItem]:
    return (
        public_items()
        .select_related("meeting", "paper_file")
        .prefetch_related(Prefetch("attachments", queryset=_public_files()))
        .order_by("id")
    )


def organizations() -> QuerySet[Committee]:
    return Committee.objects.prefetch_related(
        Prefetch("memberships", queryset=_public_memberships(), to_attr="public_memberships")
    ).order_by("id")


def persons() -> QuerySet[User]:
    return (
        User.objects.filter(committee_memberships__is_public=True)
        .annotate(
            modified=Greatest("date_joined", Max("committee_memberships__updated_at"), output_field=DateTimeField()),
        )
        .prefetch_related(
            Prefetch("committee_memberships", queryset=_public_memberships(), to_attr="public_memberships")
        )
        .order_by("id")
    )


def meetings() -> QuerySet[Meeting]:
    items = public_items().select_related("meeting").prefetch_related(Prefetch("attachments", queryset=_public_files()))
    return (
        Meeting.objects.select_related("committee", "location")
        .prefetch_related(
            Prefetch("items", queryset=items.order_by("order", "id")),
            Prefetch("files", queryset=public_meeting_files().order_by("kind"), to_attr="public_files"),
        )
        .order_by("id")
    )


def files() -> QuerySet[Attachment]:
    return public_attachments().select_related("item").order_by("id")


def paper_files() -> QuerySet[PaperFile]:
    return public_paper_files().select_related("item").order_by("item_id")


def meeting_files() -> QuerySet[MeetingFile]:
    return public_meeting_files().select_related("meeting", "meeting__committee").order_by("id")


def locations() -> QuerySet[Location]:
    return Location.objects.prefetch_related(Prefetch("meetings", queryset=Meeting.objects.order_by("id"))).order_by(
        "id"
    )


# --- lists and errors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One run of a list: a queryset, how its rows print, and the fields the spec's filters read."""

    queryset: QuerySet
    to_json: Callable
    created: str = "created_at"
    modified: str = "updated_at"


def tombstone_part(*kinds: str) -> Part:
    return Part(tombstones(*kinds), tombstone_json, modified="deleted_at")


def _moment(name: str, raw: str) -> datetime:
    # A "+" of a time zone that the client forgot to URL-encode arrives as a space.
    value = parse_datetime(raw.replace(" ", "+"))
    if value is None or timezone.is_naive(value):
        raise BadRequest(
            f"{name} must be a date-time with a time zone (ISO 8601), e.g. 2015-03-24T17:00:00+01:00, not {raw!r}"
        )
    return value


def _filtered(part: Part, params) -> QuerySet:
    queryset = part.queryset
    for name in FILTERS:
        raw = params.get(name)
        if raw is None:
            continue
        try:
            value = _moment(name, raw)
        except ValueError as error:  # well-formed but impossible, e.g. month 13
            raise BadRequest(f"{name} is not a real date-time: {raw!r}") from error
        field = part.created if name.startswith("created") else part.modified
        lookup = "gte" if name.endswith("since") else "lte"
        queryset = queryset.filter(**{f"{field}__{lookup}": value})
    return queryset


class Chain:
    """Several ordered querysets read as one list, run after run (e.g. the public papers, then the deleted
    ones): what django's Paginator needs (count and slices), at one query per run for each."""

    ordered = True

    def __init__(self, runs: list[tuple[QuerySet, Callable]]):
        self.runs = runs
        self.counts = [queryset.count() for queryset, _to_json in runs]

    def count(self) -> int:
        return sum(self.counts)

    def __getitem__(self, window: slice) -> list[dict]:
        rows, offset = [], 0
        for (queryset, to_json), size in zip(self.runs, self.counts, strict=True):
            low, high = max(window.start - offset, 0), min(window.stop - offset, size)
            if low < high:
                rows += [to_json(row) for row in queryset[low:high]]
            offset += size
        return rows


def object_list(request, parts: list[Part], *, list_url: str) -> dict:
    """One page of an external object list (spec 2.5): data, pagination and links."""
    chain = Chain([(_filtered(part, request.GET), part.to_json) for part in parts])
    try:
        per_page = min(max(int(request.GET.get("elementsPerPage", PAGE_SIZE)), 1), MAX_PAGE_SIZE)
        number = int(request.GET.get("page", 1))
    except ValueError as error:
        raise BadRequest("page and elementsPerPage must be whole numbers") from error
    paginator = Paginator(chain, per_page, allow_empty_first_page=True)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        raise Http404("no such page") from error
    kept = {name: request.GET[name] for name in (*FILTERS, "elementsPerPage") if name in request.GET}

    def page_url(n: int) -> str:
        query = urlencode(sorted({**kept, **({"page": n} if n > 1 else {})}.items()))
        return f"{list_url}?{query}" if query else list_url

    links = {"first": page_url(1), "self": page_url(page.number), "last": page_url(paginator.num_pages)}
    if page.has_previous():
        links["prev"] = page_url(page.previous_page_number())
    if page.has_next():
        links["next"] = page_url(page.next_page_number())
    return {
        "data": list(page.object_list),
        "pagination": {
            "totalElements": paginator.count,
            "elementsPerPage": per_page,
            "currentPage": page.number,
            "totalPages": paginator.num_pages,
        },
        "links": links,
    }


def oparl_view(view):
    """A read-only OParl door: GET only, JSON in UTF-8, CORS open, errors as the spec's Error object."""

    @wraps(view)
    @require_GET
    def wrapper(request, *args, **kwargs):
        try:
            data, status = view(request, *args, **kwargs), 200
        except Http404 as error:
            data, status = _error("Objektet findes ikke.", str(error)), 404
        except BadRequest as error:
            data, status = _error("Forespørgslen er ugyldig.", str(error)), 400
        response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _error(message: str, debug: str) -> dict:
    return {"type": SCHEMA + "Error", "message": message, "debug": debug}


def _body(key: str) -> None:
    if key != BODY_KEY:
        raise Http404(f"no body {key}")


# --- views -----------------------------------------------------------------------------------------------


@oparl_view
def system(request):
    return system_json()


@oparl_view
def bodies(request):
    data = body_json()
    page = {
        "data": [data],
        "pagination": {"totalElements": 1, "elementsPerPage": 1, "currentPage": 1, "totalPages": 1},
        "links": {"first": url("bodies"), "self": url("bodies"), "last": url("bodies")},
    }
    return page


@oparl_view
def body(request, key: str):
    _body(key)
    return body_json()


PARTS: dict[str, Callable[[], list[Part]]] = {
    "organization": lambda: [Part(organizations(), organization_json)],
    "person": lambda: [Part(persons(), person_json, created="date_joined", modified="modified")],
    "membership": lambda: [Part(_public_memberships(), membership_json)],
    "meeting": lambda: [Part(meetings(), meeting_json)],
    "paper": lambda: [Part(_items(), paper_json), tombstone_part(Tombstone.Kind.PAPER)],
    "agenda-item": lambda: [Part(_items(), agenda_item_json)],
    "consultation": lambda: [Part(_items(), consultation_json)],
    "file": lambda: [
        Part(files(), file_json),
        Part(meeting_files(), meeting_file_json),
        Part(paper_files(), paper_file_json),
        tombstone_part(Tombstone.Kind.FILE, Tombstone.Kind.PAPER_FILE),
    ],
    "location": lambda: [Part(locations(), location_json)],
}


def _body_list(kind: str, name: str):
    @oparl_view
    def view(request, key: str):
        _body(key)
        return object_list(request, PARTS[kind](), list_url=url(name, key))

    return view


body_organizations = _body_list("organization", "body-organizations")
body_persons = _body_list("person", "body-persons")
body_meetings = _body_list("meeting", "body-meetings")
body_papers = _body_list("paper", "body-papers")
body_agenda_items = _body_list("agenda-item", "body-agenda-items")
body_consultations = _body_list("consultation", "body-consultations")
body_files = _body_list("file", "body-files")
body_locations = _body_list("location", "body-locations")
body_memberships = _body_list("membership", "body-memberships")


@oparl_view
def organization_meetings(request, pk: int):
    committee = Committee.objects.filter(pk=pk).first()
    if committee is None:
        raise Http404(f"no object {pk}")
    part = Part(meetings().filter(committee=committee), meeting_json)
    return object_list(request, [part], list_url=url("organization-meetings", committee.id))


def _detail(queryset_factory: Callable, to_json: Callable, *, deleted: str = ""):
    """One object by its id: a public row or, for a kind that keeps them (`deleted`), its tombstone."""

    @oparl_view
    def view(request, pk: int):
        row = queryset_factory().filter(pk=pk).first()
        if row is not None:
            return to_json(row)
        tombstone = tombstones(deleted).filter(object_id=pk).first() if deleted else None
        if tombstone is None:
            raise Http404(f"no object {pk}")
        return tombstone_json(tombstone)

    return view


organization = _detail(organizations, organization_json)
person = _detail(persons, person_json)
membership = _detail(_public_memberships, membership_json)
meeting = _detail(meetings, meeting_json)
agenda_item = _detail(_items, agenda_item_json)
paper = _detail(_items, paper_json, deleted=Tombstone.Kind.PAPER)
consultation = _detail(_items, consultation_json)
file = _detail(files, file_json, deleted=Tombstone.Kind.FILE)
meeting_file = _detail(meeting_files, meeting_file_json)
paper_file = _detail(paper_files, paper_file_json, deleted=Tombstone.Kind.PAPER_FILE)
location = _detail(locations, location_json)
