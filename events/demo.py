"""The demo events: the Folkemøde 2015 debates of the minutes' punkt 121 (past, with partners, speakers, the
internal planning of who from Holbæk takes part and a report on the first), and an upcoming borgermøde with
registration open and one seat left, so the next to sign up gets the last seat and the one after her goes on
the waiting list (try borger@example.dk, then borger2@example.dk); and a dialogue meeting held during the
concluded hearing on Ældrerådet's guidelines, whose report links the answers given there.

Organised by Fælles-skaberne (the municipality's consultants for volunteering and local democracy), whose
member faellesskaberne@example.dk manages the events. Made through the services. Idempotent: an event that
exists (by title) is left as it is.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Committee, Department, DepartmentMembership, User
from events import services
from events.models import Event, Participant
from hearings.demo import ELDER_GUIDELINES
from hearings.models import Hearing
from ideas.models import Board, Idea

DANISH = ZoneInfo("Europe/Copenhagen")
ORGANISER = ("faellesskaberne@example.dk", "Louise Fælles")
DEPARTMENT = ("Fælles-skaberne", "faelles-skaberne", "faellesskaberne@holbaek.example.dk")
ALLINGE = "Folkemødet, Allinge Havn, 3770 Allinge"

FOLKEMODE = [
    {
        "title": "Fællesskabets velfærd: hvor meget kan borgerne selv skabe?",
        "kind": Event.Kind.FOLKEMODE,
        "day": (2015, 6, 12, 11, 0),
        "minutes": 60,
        "address": f"Mandag Morgens telt, {ALLINGE}",
        "partners": ["Mandag Morgen", "Aarhus Kommune", "Odense Kommune", "Frivilligrådet"],
        "speakers": ["Anne Lykke, formand for Demokratieksperimentariet"],
        "description": "Debat om velfærd og samskabelse:\n\n"
        "- Hvor store er potentialerne for fællesskabets velfærd i kommunerne?\n"
        "- Hvor, og hvor meget, kan og skal vi lade borgerne selv skabe velfærden?\n\n"
        "Holbæk Kommune fortæller om omstillingsgrupperne, mentorordningen med borgere som mentorer, "
        "det brugerdrevne ældrecenter og *Holbæk i Fællesskab*.",
        "planning": [
            ("formand@example.dk", Participant.Role.COUNCILLOR, "Paneldeltager"),
            ("faellesskaberne@example.dk", Participant.Role.STAFF, "Forbereder oplægget"),
        ],
        "report": "Omkring 80 tilhørere i Mandag Morgens telt. Panelet var enige om, at samskabelse kræver, at "
        "kommunen giver slip på nogle opgaver, og at borgerne bliver spurgt tidligt.\n\n"
        "Næste skridt: erfaringerne tages med til Demokratieksperimentariets møde om samskabelse.",
    },
    {
        "title": "Levende lokalområder i en presset økonomi",
        "kind": Event.Kind.FOLKEMODE,
        "day": (2015, 6, 12, 14, 0),
        "minutes": 45,
        "address": f"Landdistrikternes Fællesråds telt, {ALLINGE}",
        "partners": ["Landdistrikternes Fællesråd"],
        "speakers": [],
        "description": "Hvad er kommunernes potentiale for at skabe levende lokalområder, når der er færre penge "
        "til velfærd, tilskud og service i landområderne?\n\n"
        "- Hvordan skaber kommunerne levende lokalsamfund?\n"
        "- Hvordan skabes synergi mellem udvikling af land og by?\n"
        "- Hvordan sikrer kommunerne en tæt dialog med yderområderne?",
        "planning": [
            ("udvalgsmedlem@example.dk", Participant.Role.COUNCILLOR, "Paneldeltager"),
            ("sekretaer@example.dk", Participant.Role.STAFF, "Står i teltet"),
        ],
    },
    {
        "title": "Vækst, erhverv og samskabelse",
        "kind": Event.Kind.DEBATE,
        "day": (2015, 6, 13, 10, 0),
        "minutes": 60,
        "address": f"Holbæk Kommunes telt, {ALLINGE}",
        "partners": [
            "Omstillingsgruppen ”Virksomheder hjælper udsatte borgere i arbejde”",
            "Den Frivillige Mentorordning",
        ],
        "speakers": [],
        "description": "Nytænkning, innovation og nye partnerskaber mellem virksomheder, frivillige og kommunen om "
        "komplekse problemer: udsatte borgere i arbejde.",
        "planning": [("formand@example.dk", Participant.Role.COUNCILLOR, "Ordstyrer")],
    },
    {
        "title": "Kommune på ny måde – sammen med borgerne",
        "kind": Event.Kind.FOLKEMODE,
        "day": (2015, 6, 13, 13, 0),
        "minutes": 60,
        "address": f"Holbæk Kommunes telt, {ALLINGE}",
        "partners": ["Fælles-skaberne", "Demokratieksperimentariet"],
        "speakers": [],
        "description": "Fælles-skabernes eget arrangement, som i 2013 og 2014: at vi sammen med borgerne skaber "
        "kommune på ny måde og omtænker roller, samarbejder og det store fællesskab.",
        "planning": [("faellesskaberne@example.dk", Participant.Role.STAFF, "Vært")],
    },
]

BORGERMODE = "Borgermøde: Forslag til ny dialogmodel"
BORGERMODE_REGISTERED = ["borger3@example.dk", "borger4@example.dk", "paaroerende@example.dk"]


def _organiser() -> tuple[User, Department]:
    name, slug, email = DEPARTMENT
    department, _ = Department.objects.update_or_create(
        slug=slug, defaults={"name": name, "email": email, "accepts_complaints": False}
    )
    user = User.objects.filter(email=ORGANISER[0]).first() or User.objects.create_user(
        ORGANISER[0], DEMO_PASSWORD, full_name=ORGANISER[1]
    )
    DepartmentMembership.objects.get_or_create(user=user, department=department)
    return user, department


def _folkemode(organiser: User, department: Department, committee: Committee, board: Board | None) -> None:
    for spec in FOLKEMODE:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        starts = datetime(*spec["day"], tzinfo=DANISH)
        event = services.create_event(
            actor=organiser,
            department=department,
            title=spec["title"],
            kind=spec["kind"],
            starts_at=starts,
            ends_at=starts + timedelta(minutes=spec["minutes"]),
            address=spec["address"],
            organiser="Holbæk Kommune",
            description=spec["description"],
            partners=spec["partners"],
            speakers=spec["speakers"],
            committee=committee,
            board=board,
            is_published=True,
        )
        for email, role, task in spec["planning"]:
            person = User.objects.get(email=email)
            services.add_participant(actor=organiser, event=event, user=person, role=role, task=task)
        if spec.get("report"):
            ideas = Idea.objects.filter(board=board, hidden_at__isnull=True).order_by("id")[:1] if board else []
            services.write_report(
                actor=organiser, event=event, report=spec["report"], idea_ids=[idea.id for idea in ideas]
            )


def _borgermode(organiser: User, department: Department, committee: Committee) -> None:
    if Event.objects.filter(title=BORGERMODE).exists():
        return
    day = timezone.localdate() + timedelta(days=14)
    starts = datetime(day.year, day.month, day.day, 19, 0, tzinfo=DANISH)
    event = services.create_event(
        actor=organiser,
        department=department,
        title=BORGERMODE,
        kind=Event.Kind.CITIZENS_MEETING,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Holbæk Bibliotek, Klostergade 14, 4300 Holbæk",
        online_url="https://holbaek.example.dk/live/dialogmodel",
        description="Kom og hør om forslaget til en ny model for dialog og samarbejde med råd og nævn og "
        "Holbæk Borgerforum (Demokratieksperimentariets punkt 123), og sig din mening, før høringen slutter.\n\n"
        "Der er kaffe og kage. Der er få pladser: tilmeld dig, eller skriv dig på ventelisten.",
        partners=["Holbæk Borgerforum"],
        speakers=["Anne Lykke, formand for Demokratieksperimentariet"],
        capacity=4,
        registration_opens_at=timezone.now() - timedelta(days=3),
        registration_closes_at=starts - timedelta(days=1),
        committee=committee,
        is_published=True,
    )
    for email in BORGERMODE_REGISTERED:
        services.register(user=User.objects.get(email=email), event=event)
    services.add_participant(
        actor=organiser, event=event, user=User.objects.get(email="formand@example.dk"), role="councillor", task="Oplæg"
    )


HEARING_MEETING = "Dialogmøde: Retningslinjer for inddragelse af Ældrerådet"


def _hearing_meeting(organiser: User, department: Department, committee: Committee) -> None:
    """A dialogue meeting held during the concluded demo hearing, whose report links the answers given there."""
    hearing = Hearing.objects.filter(title=ELDER_GUIDELINES[0], published_at__isnull=False).first()
    if hearing is None or Event.objects.filter(title=HEARING_MEETING).exists():
        return
    day = hearing.ends_on - timedelta(days=7)
    starts = datetime(day.year, day.month, day.day, 14, 0, tzinfo=DANISH)
    event = services.create_event(
        actor=organiser,
        department=department,
        title=HEARING_MEETING,
        kind=Event.Kind.CITIZENS_MEETING,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        address="Holbæk Rådhus, Kanalstræde 2, 4300 Holbæk",
        description="Ældrerådet og borgerne gennemgår udkastet til retningslinjer sammen med forvaltningen og "
        "giver deres høringssvar.",
        committee=committee,
        hearing=hearing,
        is_published=True,
    )
    services.write_report(
        actor=organiser,
        event=event,
        report="Ældrerådet og en håndfuld borgere deltog. Rådet bad om længere frister; en borger mindede om de "
        "pårørende. Begge svar er givet til høringen.",
        answer_ids=[answer.id for answer in hearing.answers.filter(hidden_at=None, contains_sensitive=False)],
    )


def seed() -> None:
    organiser, department = _organiser()
    committee = Committee.objects.get(slug="projektudvalget-demokratieksperimentariet")
    board = Board.objects.filter(slug="folkemoedet-2015").first()
    _folkemode(organiser, department, committee, board)
    _borgermode(organiser, department, committee)
    _hearing_meeting(organiser, department, committee)
