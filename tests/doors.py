"""Every door of the product (page, API, PDF, file, OParl), read from the URL configuration, and the demo's objects
to knock on them with: the role × door matrix (tests/test_role_door_matrix.py).

A door is a URL pattern. Its object arguments are filled from the demo municipality by a FILLER: for each
pattern, the objects to ask for and, for each object, which of the demo's roles may know it exists. A pattern
with arguments no filler knows fails the matrix ("add a filler for …"), so a new door is covered the day it is
added. Fillers are found by the pattern's name first, then by (the view's app, its arguments): a new door of
complaints that takes a `complaint_id` is filled with the complaints of the demo without anyone writing a line.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# The demo's people, one per role (accounts/demo.py, committees/demo.py).
ROLES: dict[str, str | None] = {
    "anonymous": None,
    "citizen": "borger@example.dk",  # Mette Hansen: complaints, one followed by her sister through a fuldmagt
    "citizen2": "borger2@example.dk",  # Ali Rahimi: a complaint to another department, a grant application
    "representative": "paaroerende@example.dk",  # Susanne Hansen: Mette's fuldmagt for one complaint
    "caseworker": "sagsbehandler@example.dk",  # Familiecentret
    "caseworker_b": "sagsbehandler2@example.dk",  # Natur- og Miljøafdelingen, and a reviewer of the grant pool
    "lead": "leder@example.dk",  # Familiecentret's lead
    "citizen_service": "borgerservice@example.dk",  # Borgerservice: files for citizens who phone
    "moderator": "moderator@example.dk",
    "committee_member": "udvalgsmedlem@example.dk",
    "secretary": "sekretaer@example.dk",
    "council_member": "aeldreraad@example.dk",  # Ældrerådet's chair (and a citizen)
    "admin": "admin@example.dk",
}
EVERYONE = frozenset(ROLES)
NOBODY = frozenset()
MISSING = 2_000_000_000  # an id no demo row has


def roles(*names: str) -> frozenset[str]:
    unknown = set(names) - EVERYONE
    assert not unknown, unknown
    return frozenset(names) | {"admin"}


PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def get_methods(view) -> frozenset[str] | None:
    """The methods a view answers, where it says so (Django's require_http_methods, a class-based view's or
    DRF's handlers); None where it does not (a plain function view answers any)."""
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    if cls is not None:
        return frozenset(m.upper() for m in cls.http_method_names if hasattr(cls, m) and m != "options")
    while view is not None:
        for cell in view.__closure__ or ():
            contents = cell.cell_contents
            if (
                isinstance(contents, list | tuple)
                and contents
                and all(isinstance(m, str) and m.isupper() for m in contents)
            ):
                return frozenset(contents)
        view = getattr(view, "__wrapped__", None)
    return None


@dataclass(frozen=True)
class Door:
    route: str  # the whole route, "klager/<int:complaint_id>/"
    name: str  # the URL name with its namespace, or the route where it has none
    app: str  # the app of the view ("complaints"), from its module
    kwargs: tuple[str, ...]
    methods: frozenset[str] | None = None  # None: not declared
    module: str = ""  # the view's module

    @property
    def shows(self) -> bool:
        """The door answers GET: it shows something (a door only for POST is not asked)."""
        return self.methods is None or "GET" in self.methods

    def url(self, values: dict) -> str:
        return "/" + PARAM.sub(lambda m: quote(str(values[m["name"]]), safe=""), self.route)

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")


def doors() -> list[Door]:
    """Every routed pattern of the URL configuration (regular-expression patterns, i.e. the DEBUG media files, are
    not doors of the product)."""
    found = []

    def walk(resolver: URLResolver, prefix: str, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and isinstance(pattern.pattern, RoutePattern):
                route = prefix + str(pattern.pattern)
                app = (getattr(pattern.callback, "__module__", "") or "").split(".")[0]
                name = f"{namespace}{pattern.name}" if pattern.name else route
                kwargs = tuple(m["name"] for m in PARAM.finditer(route))
                module = getattr(pattern.callback, "__module__", "") or ""
                found.append(Door(route, name, app, kwargs, get_methods(pattern.callback), module))

    walk(get_resolver(), "", "")
    return found


@dataclass(frozen=True)
class Case:
    """One object to ask a door for, and the roles that may know it exists (any other role must get 404)."""

    values: dict
    known: frozenset[str]
    what: str = ""


Filler = Callable[["Demo"], list[Case]]

# Who may know what, in the demo. Staff of Familiecentret know its complaints; Natur- og Miljøafdelingen's
# caseworker knows hers and, as a reviewer of the grant pool, its applications; the committee knows its own
# internal pages; the administrator knows everything.
FAMILY = ("caseworker", "lead")
COMMITTEE = ("committee_member", "secretary")


class Demo:
    """The demo's objects the fillers use, found by their natural keys (ids differ between runs)."""

    @cached_property
    def complaints(self) -> list[tuple[object, frozenset[str], str]]:
        from complaints import demo as complaints_demo
        from complaints.models import Complaint

        represented = Complaint.objects.get(
            citizen__email=ROLES["citizen"], subject=complaints_demo.REPRESENTED_SUBJECT
        )
        assisted = Complaint.objects.get(filed_by__email=ROLES["citizen_service"], subject=complaints_demo.SUBJECT)
        other = Complaint.objects.filter(citizen__email=ROLES["citizen2"]).order_by("id").first()
        return [
            (represented, roles("citizen", "representative", *FAMILY), "Mette's complaint, with a fuldmagt"),
            (assisted, roles("citizen_service", *FAMILY), "filed by Borgerservice for a phone citizen"),
            (other, roles("citizen2", "caseworker_b"), "Ali's complaint to another department"),
        ]

    def complaint(self, what: str):
        return next(c for c, _known, label in self.complaints if label.startswith(what))

    @cached_property
    def mette_unrepresented(self):
        """Mette's complaint her sister's fuldmagt does not cover (it has a partshøring and an attachment)."""
        from casework.models import Hearing

        return Hearing.objects.filter(complaint__citizen__email=ROLES["citizen"]).order_by("id").first().complaint


INTERNAL_TITLE = "Internt notat til udvalget fra matrixen"
DRAFT_EVENT = "Matrixens debataften, endnu ikke offentliggjort"
DRAFT_HEARING = "Matrixens udkast til høring om legepladser"
CONTACT_NOTE = "Matrixens kontaktnotat: moren virkede presset, vi tager et nyt møde"


def make_hidden_states() -> dict[str, tuple[frozenset[str], str]]:
    """What the demo lacks, made through the services (inside the matrix's savepoint): an idea and a comment
    hidden by the moderator, an internal Bilag on an agenda item. Returns their texts as secrets: text → (the
    roles that may read it, what it is)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User
    from committees import services as committees
    from committees.models import AgendaItem
    from ideas import services as ideas
    from ideas.models import Comment, Idea
    from tests.files import PDF

    moderator = User.objects.get(email=ROLES["moderator"])
    idea = Idea.objects.filter(author__email=ROLES["citizen"], board__standalone=True).order_by("id").first()
    ideas.hide_idea(actor=moderator, idea=idea, reason="Skjult af matrixen: personlige oplysninger")
    comment = Comment.objects.filter(author__email=ROLES["citizen2"]).order_by("id").first()
    ideas.hide_comment(actor=moderator, comment=comment, reason="Skjult af matrixen: personlige oplysninger")
    item = AgendaItem.objects.filter(meeting__agenda_published_at__isnull=True).order_by("id").first()
    committees.add_attachment(
        actor=User.objects.get(email=ROLES["secretary"]),
        item=item,
        title=INTERNAL_TITLE,
        upload=SimpleUploadedFile("internt-notat.pdf", PDF, content_type="application/pdf"),
        is_internal=True,
    )
    secrets = {}
    from django.utils import timezone

    from complaints import demo as complaints_demo
    from complaints import services as complaints
    from complaints.models import ContactLog, ContactTask

    task = ContactTask.objects.filter(
        complaint__subject=complaints_demo.REPRESENTED_SUBJECT, status=ContactTask.Status.OPEN
    ).first()
    if task is not None:  # the caseworker's note of her call, not shared in the thread: the department's own
        complaints.log_contact(
            actor=User.objects.get(email=ROLES["caseworker"]),
            task=task,
            channel=ContactLog.Channel.PHONE,
            contacted_at=timezone.now(),
            summary=CONTACT_NOTE,
            citizen_understood_decision=ContactLog.Understood.PARTLY,
        )
        # The citizen's own data export (GDPR art. 15: /mine-data/hent/, /api/me/data/) has the notes of her calls;
        # no page shows them to her, nor anything to her representative.
        secrets[CONTACT_NOTE] = (roles(*FAMILY, "citizen"), "a caseworker's contact note not shared in the thread")
    from datetime import timedelta

    from accounts.models import Committee, Department
    from hearings import services as hearings

    hearings.create_hearing(
        actor=User.objects.get(email=ROLES["caseworker"]),
        committee=Committee.objects.order_by("id").first(),
        department=Department.objects.get(slug="familiecentret"),
        title=DRAFT_HEARING,
        summary="Et udkast, som kun afdelingen kender endnu.",
        starts_on=timezone.localdate() + timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=60),
    )
    secrets[DRAFT_HEARING] = (roles(*FAMILY, *COMMITTEE), "the title of a draft hearing")
    from events import services as events

    starts = timezone.now() + timedelta(days=20)
    events.create_event(
        actor=User.objects.get(email=ROLES["caseworker"]),
        department=Department.objects.get(slug="familiecentret"),
        title=DRAFT_EVENT,
        kind="debate",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Holbæk Bibliotek",
        is_published=False,
    )
    secrets[DRAFT_EVENT] = (roles(*FAMILY), "the title of an unpublished event")  # events.permissions
    return secrets | {
        idea.body[:60]: (roles("moderator", "citizen"), "the text of a hidden idea"),
        comment.body[:60]: (roles("moderator", "citizen2"), "the text of a hidden comment"),
        INTERNAL_TITLE: (roles(*COMMITTEE), "the title of an internal Bilag"),
    }


def by_complaint(demo: Demo) -> list[Case]:
    return [Case({"complaint_id": c.id}, known, what) for c, known, what in demo.complaints] + [
        Case({"complaint_id": MISSING}, NOBODY, "no such complaint")
    ]


def complaint_contact(demo: Demo) -> list[Case]:
    from complaints.models import ContactLog

    cases = []
    for slug, known in (("familiecentret", roles(*FAMILY)), ("natur-og-miljo", roles("caseworker_b"))):
        log = ContactLog.objects.filter(complaint__department__slug=slug).order_by("id").first()
        cases.append(Case({"complaint_id": log.complaint_id, "log_id": log.id}, known, f"a contact in {slug}"))
    return cases


def complaint_attachment(demo: Demo) -> list[Case]:
    from complaints.models import ComplaintAttachment

    attachment = ComplaintAttachment.objects.filter(complaint=demo.mette_unrepresented).first()
    values = {"complaint_id": attachment.complaint_id, "attachment_id": attachment.id}
    other = demo.complaint("Ali").id
    return [
        Case({**values, "file_name": attachment.file_name}, roles("citizen", *FAMILY), "Mette's attachment"),
        Case({**values, "complaint_id": other, "file_name": attachment.file_name}, NOBODY, "under another complaint"),
    ]


def representation(demo: Demo) -> list[Case]:
    from complaints.models import Representation

    fuldmagt = Representation.objects.get(principal__email=ROLES["citizen"])
    return [
        Case({"representation_id": fuldmagt.id, "file_name": fuldmagt.document_name or "fuldmagt.pdf"},
             roles("citizen", "representative", *FAMILY), "Mette's fuldmagt for her sister"),
        Case({"representation_id": MISSING, "file_name": "fuldmagt.pdf"}, NOBODY, "no such fuldmagt"),
    ]  # fmt: skip


def task(demo: Demo) -> list[Case]:
    from complaints.models import ContactTask

    cases = []
    for complaint, known, what in demo.complaints:
        first = ContactTask.objects.filter(complaint=complaint).order_by("id").first()
        if first:
            cases.append(Case({"task_id": first.id}, known - {"citizen", "citizen2", "representative"}, what))
    return cases


def draft_file(demo: Demo) -> list[Case]:
    return [Case({"file_id": MISSING}, NOBODY, "no such draft file")]


def intake_step(demo: Demo) -> list[Case]:
    from complaints.forms import INTAKE_STEPS

    return [Case({"step": INTAKE_STEPS[0].slug}, EVERYONE, "the first step"), Case({"step": "x"}, NOBODY, "none")]


def survey(demo: Demo) -> list[Case]:
    return [Case({"token": "not-a-token"}, NOBODY, "a token no survey has (the real ones are only hashed)")]


def board(demo: Demo) -> list[Case]:
    from ideas.models import Board

    return [Case({"slug": b.slug}, EVERYONE, b.title) for b in Board.objects.order_by("id")[:2]] + [
        Case({"slug": "ingen-tavle"}, NOBODY, "no such board")
    ]


def idea(demo: Demo) -> list[Case]:
    from ideas.models import Idea

    first = Idea.objects.filter(hidden_at__isnull=True).order_by("id").first()
    hidden = Idea.objects.filter(hidden_at__isnull=False).order_by("id").first()
    return [
        Case({"idea_id": first.id}, EVERYONE, "a published idea"),
        Case({"idea_id": hidden.id}, EVERYONE, "a hidden idea (its page shows the reason; its text is a secret)"),
        Case({"idea_id": MISSING}, NOBODY, "none"),
    ]


def comment(demo: Demo) -> list[Case]:
    from ideas.models import Comment

    first = Comment.objects.filter(hidden_at__isnull=True).order_by("id").first()
    hidden = Comment.objects.filter(hidden_at__isnull=False).order_by("id").first()
    return [
        Case({"comment_id": first.id}, EVERYONE, "a comment"),
        Case({"comment_id": hidden.id}, EVERYONE, "a hidden comment (its text is a secret)"),
        Case({"comment_id": MISSING}, NOBODY, "none"),
    ]


def missing(name: str) -> Filler:
    def fill(demo: Demo) -> list[Case]:
        return [Case({name: MISSING}, NOBODY, f"no such {name} (the demo has none)")]

    return fill


def pool(demo: Demo) -> list[Case]:
    from grants.models import Pool

    first = Pool.objects.order_by("id").first()
    return [Case({"slug": first.slug, "pool_id": first.id}, EVERYONE, "the grant pool"),
            Case({"slug": "ingen-pulje", "pool_id": MISSING}, NOBODY, "none")]  # fmt: skip


def application(demo: Demo) -> list[Case]:
    from grants.models import Application

    alis = Application.objects.get(applicant__email=ROLES["citizen2"])
    other = Application.objects.exclude(applicant__email=ROLES["citizen2"]).order_by("id").first()
    extra = {"step": 1, "attachment_id": MISSING, "file_name": "bilag.pdf"}
    return [
        Case({"application_id": alis.id, **extra}, roles("citizen2", "caseworker_b"), "Ali's application"),
        Case({"application_id": other.id, **extra}, roles("caseworker_b"), "another citizen's application"),
    ]


def casework_hearing(demo: Demo) -> list[Case]:
    from casework.models import Hearing

    first = Hearing.objects.filter(complaint=demo.mette_unrepresented).first()
    return [Case({"hearing_id": first.id}, roles("citizen", *FAMILY), "a partshøring with Mette"),
            Case({"hearing_id": MISSING}, NOBODY, "none")]  # fmt: skip


def decision(demo: Demo) -> list[Case]:
    from casework.models import Decision, Reassessment

    first = Decision.objects.order_by("id").first()
    again = Reassessment.objects.order_by("id").first()
    known = roles("citizen", *FAMILY) if first.complaint.citizen.email == ROLES["citizen"] else roles(*FAMILY)
    return [Case({"decision_id": first.id, "reassessment_id": again.id}, known, "a decision letter to Mette"),
            Case({"decision_id": MISSING, "reassessment_id": MISSING}, NOBODY, "none")]  # fmt: skip


def budget(demo: Demo) -> list[Case]:
    from budgets.models import Budget, Project

    first = Budget.objects.order_by("id").first()
    project = Project.objects.filter(budget=first).order_by("id").first()
    return [
        Case({"slug": first.slug, "budget_id": first.id, "project_id": project.id}, EVERYONE, "the budget"),
        Case({"slug": "intet", "budget_id": MISSING, "project_id": MISSING}, NOBODY, "none"),
    ]


def public_hearing(demo: Demo) -> list[Case]:
    from hearings.models import Answer, Hearing

    cases = []
    for hearing in Hearing.objects.order_by("id"):
        answer = Answer.objects.filter(hearing=hearing).order_by("id").first()
        section = hearing.sections.order_by("number").first()
        invitation = hearing.invitations.order_by("id").first()
        cases.append(
            Case(
                {
                    "hearing_id": hearing.id,
                    "number": section.number if section else 1,
                    "file_id": MISSING,
                    "file_name": "fil.pdf",
                    "invitation_id": invitation.id if invitation else MISSING,
                    "answer_id": answer.id if answer else MISSING,
                },
                # hearings.permissions: a draft is its department's and its committee's
                EVERYONE if hearing.published_at else roles(*FAMILY, *COMMITTEE),
                f"hearing {hearing.title[:30]}" if hearing.published_at else "a draft hearing of Familiecentret",
            )
        )
    public = [c for c in cases if c.known == EVERYONE]
    return [*public[:1], *[c for c in cases if c.known != EVERYONE][:1]]


def event(demo: Demo) -> list[Case]:
    from events.models import Event

    cases = []
    published = Event.objects.filter(is_published=True).order_by("id")[:2]
    draft = Event.objects.filter(is_published=False, department__slug="familiecentret").order_by("id")[:1]
    for e in [*published, *draft]:
        participant = e.participants.order_by("id").first()
        values = {"event_id": e.id, "participant_id": participant.id if participant else MISSING}
        # events.permissions: an unpublished event is its organising department's
        cases.append(Case(values, EVERYONE if e.is_published else roles(*FAMILY), e.title[:30]))
    return [*cases, Case({"event_id": MISSING, "participant_id": MISSING}, NOBODY, "none")]


def committee(demo: Demo) -> list[Case]:
    from accounts.models import Committee

    first = Committee.objects.order_by("id").first()
    return [Case({"slug": first.slug}, EVERYONE, "the committee"), Case({"slug": "intet"}, NOBODY, "none")]


def committee_internal(demo: Demo) -> list[Case]:
    """The committee's own pages (its proposals, escalated themes, meetings to plan): its members' and secretary's."""
    from accounts.models import Committee
    from themes.models import Theme

    first = Committee.objects.order_by("id").first()
    theme = Theme.objects.order_by("id").first()
    return [Case({"slug": first.slug, "theme_slug": theme.slug}, roles(*COMMITTEE), "the committee's own"),
            Case({"slug": "intet", "theme_slug": theme.slug}, NOBODY, "none")]  # fmt: skip


def meeting(demo: Demo) -> list[Case]:
    from committees.models import Meeting, MeetingFile

    cases = []
    for m in Meeting.objects.order_by("id"):
        files = MeetingFile.objects.filter(meeting=m).order_by("id").first()
        values = {"meeting_id": m.id, "kind": files.kind if files else "agenda",
                  "file_name": files.file_name if files else "x.pdf"}  # fmt: skip
        cases.append(Case(values, EVERYONE, f"meeting {m.status}"))
    return [*cases[:2], Case({"meeting_id": MISSING, "kind": "agenda", "file_name": "x.pdf"}, NOBODY, "none")]


def agenda_item(demo: Demo) -> list[Case]:
    from committees.models import AgendaItem, PaperFile

    cases = []
    for item in AgendaItem.objects.order_by("id")[:1]:
        paper = PaperFile.objects.filter(item=item).first()
        values = {"item_id": item.id, "file_name": paper.file_name if paper else "x.pdf"}
        cases.append(Case(values, EVERYONE if item.is_public else roles(*COMMITTEE), f"item {item.title[:30]}"))
    return [*cases, Case({"item_id": MISSING, "file_name": "x.pdf"}, NOBODY, "none")]


def committee_attachment(demo: Demo) -> list[Case]:
    from committees.models import Attachment

    cases = []
    for attachment in Attachment.objects.order_by("-is_internal", "id")[:2]:
        known = roles(*COMMITTEE) if attachment.is_internal else EVERYONE
        values = {"attachment_id": attachment.id, "file_name": attachment.file_name}
        cases.append(Case(values, known, "an internal attachment" if attachment.is_internal else "an attachment"))
    return cases


def theme(demo: Demo) -> list[Case]:
    from themes.models import Theme

    first = Theme.objects.order_by("id").first()
    # themes.permissions.can_manage_themes: the administrator, department leads, committee secretaries
    return [Case({"theme_id": first.id}, roles("lead", "secretary"), "a theme (managed by leads and secretaries)"),
            Case({"theme_id": MISSING}, NOBODY, "none")]  # fmt: skip


def thread(demo: Demo) -> list[Case]:
    cases = []
    for complaint, known, what in demo.complaints:
        message = complaint.thread.messages.order_by("id").first()
        cases.append(Case({"thread_id": complaint.thread.id, "message_id": message.id if message else MISSING},
                          known, f"the thread of {what}"))  # fmt: skip
    return cases


def access_request(demo: Demo) -> list[Case]:
    from access_requests.models import AccessRequest

    first = AccessRequest.objects.order_by("id").first()
    document = first.documents.order_by("id").first()
    values = {"access_request_id": first.id, "document_id": document.id, "file_name": "dokument.pdf"}
    return [Case(values, roles("citizen", *FAMILY), "Mette's aktindsigt"),
            Case({**values, "access_request_id": MISSING}, NOBODY, "none")]  # fmt: skip


def api_token(demo: Demo) -> list[Case]:
    return [Case({"token_id": "00000000-0000-4000-8000-000000000000"}, NOBODY, "no such token")]


def oparl_body(demo: Demo) -> list[Case]:
    from committees.oparl import BODY_KEY

    return [Case({"key": BODY_KEY}, EVERYONE, "the body"), Case({"key": "ingen"}, NOBODY, "none")]


def oparl(model: str, public: Callable, hidden: Callable | None = None) -> Filler:
    """OParl is the public interface: a public object for everyone, a non-public one for no one."""

    def fill(demo: Demo) -> list[Case]:
        from django.apps import apps

        objects = apps.get_model(model).objects
        cases = [Case({"pk": public(objects).pk}, EVERYONE, f"a public {model}")]
        if hidden is not None and (obj := hidden(objects)) is not None:
            cases.append(Case({"pk": obj.pk}, NOBODY, f"a non-public {model}"))
        return [*cases, Case({"pk": MISSING}, NOBODY, "none")]

    return fill


def first(**filters):
    return lambda objects: objects.filter(**filters).order_by("pk").first()


# By URL name first, then by (app, arguments).
FILLERS: dict[str | tuple[str, tuple[str, ...]], Filler] = {
    ("complaints", ("complaint_id",)): by_complaint,
    ("casework", ("complaint_id",)): by_complaint,
    ("retention", ("complaint_id",)): by_complaint,
    ("complaints", ("complaint_id", "log_id")): complaint_contact,
    ("complaints", ("complaint_id", "attachment_id", "file_name")): complaint_attachment,
    ("complaints", ("representation_id",)): representation,
    ("complaints", ("representation_id", "file_name")): representation,
    ("complaints", ("task_id",)): task,
    ("complaints", ("file_id",)): draft_file,
    ("complaints", ("step",)): intake_step,
    ("complaints", ("token",)): survey,
    ("ideas", ("slug",)): board,
    ("ideas", ("idea_id",)): idea,
    ("ideas", ("comment_id",)): comment,
    ("ideas", ("report_id",)): missing("report_id"),
    ("grants", ("slug",)): pool,
    ("grants", ("pool_id",)): pool,
    ("grants", ("application_id",)): application,
    ("grants", ("application_id", "step")): application,
    ("grants", ("application_id", "attachment_id")): application,
    ("grants", ("application_id", "attachment_id", "file_name")): application,
    ("casework", ("hearing_id",)): casework_hearing,
    ("casework", ("decision_id",)): decision,
    ("casework", ("reassessment_id",)): decision,
    ("budgets", ("slug",)): budget,
    ("budgets", ("budget_id",)): budget,
    ("budgets", ("project_id",)): budget,
    ("hearings", ("hearing_id",)): public_hearing,
    ("hearings", ("hearing_id", "number")): public_hearing,
    ("hearings", ("hearing_id", "file_id")): public_hearing,
    ("hearings", ("hearing_id", "file_id", "file_name")): public_hearing,
    ("hearings", ("hearing_id", "invitation_id")): public_hearing,
    ("hearings", ("answer_id",)): public_hearing,
    ("hearings", ("answer_id", "file_name")): public_hearing,
    ("events", ("event_id",)): event,
    ("events", ("event_id", "participant_id")): event,
    ("committees", ("slug",)): committee,
    "committees:meeting-create": committee_internal,
    "committees:proposals": committee_internal,
    "committees:proposal-place": committee_internal,
    "api-committee-proposals": committee_internal,
    ("escalations", ("slug",)): committee_internal,
    ("escalations", ("slug", "theme_slug")): committee_internal,
    ("escalations", ("escalation_id",)): missing("escalation_id"),
    ("committees", ("meeting_id",)): meeting,
    ("committees", ("meeting_id", "kind", "file_name")): meeting,
    ("committees", ("item_id",)): agenda_item,
    ("committees", ("item_id", "file_name")): agenda_item,
    ("committees", ("attachment_id",)): committee_attachment,
    ("committees", ("attachment_id", "file_name")): committee_attachment,
    ("themes", ("theme_id",)): theme,
    ("dialogue", ("thread_id",)): thread,
    ("dialogue", ("thread_id", "message_id")): thread,
    ("access_requests", ("access_request_id",)): access_request,
    ("access_requests", ("access_request_id", "document_id", "file_name")): access_request,
    ("retention", ("erasure_request_id",)): missing("erasure_request_id"),
    ("accounts", ("token_id",)): api_token,
    "oparl:body": oparl_body,
    ("committees", ("key",)): oparl_body,
    "oparl:organization": oparl("accounts.Committee", first()),
    "oparl:organization-meetings": oparl("accounts.Committee", first()),
    "oparl:person": oparl("accounts.User", first(committee_memberships__is_public=True),
                          first(email=ROLES["citizen"])),
    "oparl:membership": oparl("accounts.CommitteeMembership", first(is_public=True), first(is_public=False)),
    "oparl:meeting": oparl("committees.Meeting", first()),
    "oparl:agenda-item": oparl("committees.AgendaItem", first(is_public=True), first(is_public=False)),
    "oparl:paper": oparl("committees.AgendaItem", first(is_public=True), first(is_public=False)),
    "oparl:consultation": oparl("committees.AgendaItem", first(is_public=True), first(is_public=False)),
    "oparl:file": oparl("committees.Attachment", first(is_internal=False), first(is_internal=True)),
    "oparl:meeting-file": oparl("committees.MeetingFile", first()),
    "oparl:paper-file": oparl("committees.PaperFile", first()),
    "oparl:location": oparl("committees.Location", first()),
}  # fmt: skip


def filler(door: Door) -> Filler | None:
    return FILLERS.get(door.name) or FILLERS.get((door.app, door.kwargs))
