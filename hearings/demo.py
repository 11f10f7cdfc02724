"""The demo hearings, drawn from the minutes' punkt 123 ("Ny Dialogmodel", "Dialog og samarbejde med Råd og Nævn").

- "Forslag til ny dialogmodel" is open for answers, with the four councils and the youth council invited; the
  member of Ældrerådet (aeldreraad@example.dk) can answer for the council, any citizen in her own name.
- "Retningslinjer for inddragelse af Ældrerådet" is concluded, its høringsnotat published; demo/hearings.py puts
  it on an agenda item.
- "Forslag til Holbæk Borgerforum" waits for its høringsnotat: its deadline was yesterday, Ældrerådet answered
  one section for the council and a citizen another in her own name, so a new user can write and publish the
  notat (sagsbehandler@example.dk), put it on an agenda and publish the minutes (sekretaer@example.dk), and the
  two answerers are told the decision.
- Ældrerådet and Handicaprådet have a duty to be heard on their themes (retssikkerhedsloven § 30 and § 37 a).

Idempotent: a hearing with the same title is left as it is.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Committee, Council, Department, User
from hearings import services
from hearings.models import CouncilDuty, Hearing
from ideas.models import Association
from themes.models import Theme

COMMITTEE_SLUG = "projektudvalget-demokratieksperimentariet"
DEPARTMENT_SLUG = "familiecentret"
STAFF = "sagsbehandler@example.dk"

DUTIES = [
    (
        "aeldreraadet",
        "Ældrerådet skal høres om forslag, der vedrører ældre",
        "retssikkerhedsloven § 30",
        ["aeldrepleje"],
    ),
    (
        "handicapraadet",
        "Handicaprådet skal høres om forslag, der vedrører borgere med handicap",
        "retssikkerhedsloven § 37 a",
        ["hjaelpemidler-og-handicap"],
    ),
]

DIALOGUE_MODEL = (
    "Forslag til ny dialogmodel",
    "Holbæk Kommune vil tale med borgerne, før der træffes en afgørelse, ikke kun bagefter. Forslaget beskriver, "
    "hvordan sagsbehandlere kontakter borgeren tidligt, og hvordan råd og nævn bliver inddraget. Sig din mening, "
    "inden udvalget behandler forslaget.",
    [
        (
            "Tidlig kontakt",
            "Når en borger klager, ringer eller mødes sagsbehandleren med borgeren inden for to arbejdsdage.\n\n"
            "- Samtalen handler om, hvad borgeren ønsker, og hvad loven giver mulighed for.\n"
            "- Sagsbehandleren skriver et kort notat, som borgeren kan læse.",
        ),
        (
            "Dialog i stedet for afslag",
            "En ansøgning lukkes ikke bare med et afslag. Sagsbehandleren undersøger sammen med borgeren, om behovet "
            "kan mødes på en anden måde inden for lovens rammer.",
        ),
        (
            "Råd og nævn",
            "Ældrerådet, Handicaprådet, Integrationsrådet og Folkeoplysningsudvalget høres om forslag inden for "
            "deres område, før udvalget beslutter, og får svar på, hvad deres høringssvar førte til.",
        ),
    ],
)

ELDER_GUIDELINES = (
    "Retningslinjer for inddragelse af Ældrerådet",
    "Retningslinjerne beskriver, hvornår og hvordan Ældrerådet høres om sager, der vedrører ældre.",
    [
        ("Hvornår Ældrerådet høres", "Ældrerådet høres om alle forslag, der vedrører ældre, før udvalget beslutter."),
        ("Frister", "Ældrerådet får mindst tre uger til at svare, så rådet kan nå at holde møde."),
    ],
)


BORGERFORUM = (
    "Forslag til Holbæk Borgerforum",
    "Holbæk Borgerforum skal være et fast sted, hvor borgere, foreninger og råd mødes med politikerne om "
    "kommunens store sager, før de besluttes (Demokratieksperimentariets punkt 123).",
    [
        (
            "Hvem kan være med",
            "Alle borgere i kommunen kan deltage. Ældrerådet, Handicaprådet, Integrationsrådet og "
            "Folkeoplysningsudvalget har hver en fast plads.",
        ),
        (
            "Møder",
            "Borgerforum mødes fire gange om året, skiftevis i Holbæk, Tølløse, Jyderup og Svinninge, og møderne "
            "kan følges online.",
        ),
    ],
)


def seed() -> None:
    staff = User.objects.get(email=STAFF)
    committee = Committee.objects.get(slug=COMMITTEE_SLUG)
    department = Department.objects.get(slug=DEPARTMENT_SLUG)
    councils = {council.slug: council for council in Council.objects.all()}
    for slug, rule, basis, themes in DUTIES:
        duty, _created = CouncilDuty.objects.get_or_create(council=councils[slug], rule=rule, legal_basis=basis)
        duty.themes.set(Theme.objects.filter(slug__in=themes))
    if not Hearing.objects.filter(title=DIALOGUE_MODEL[0]).exists():
        _open_dialogue_model(staff, committee, department, councils)
    if not Hearing.objects.filter(title=ELDER_GUIDELINES[0]).exists():
        _concluded_guidelines(staff, committee, department, councils)
    if not Hearing.objects.filter(title=BORGERFORUM[0]).exists():
        _borgerforum_awaiting_its_notat(staff, committee, department, councils)


def _hearing(staff, committee, department, text, *, starts_on, ends_on, **fields) -> Hearing:
    title, summary, sections = text
    hearing = services.create_hearing(
        actor=staff,
        committee=committee,
        department=department,
        title=title,
        summary=summary,
        starts_on=starts_on,
        ends_on=ends_on,
        case_number="13/37262",
        **fields,
    )
    for heading, body in sections:
        services.add_section(actor=staff, hearing=hearing, title=heading, body=body)
    return hearing


def _open_dialogue_model(staff, committee, department, councils) -> None:
    today = timezone.localdate()
    hearing = _hearing(
        staff,
        committee,
        department,
        DIALOGUE_MODEL,
        starts_on=today - timedelta(days=5),
        ends_on=today + timedelta(days=21),
    )
    for council in councils.values():
        services.invite(actor=staff, hearing=hearing, council=council)
    youth = Association.objects.filter(slug="holbaek-ungdomsraad").first()
    if youth:
        services.invite(actor=staff, hearing=hearing, association=youth)
    hearing = services.publish_hearing(actor=staff, hearing=hearing)
    services.answer_hearing(
        author=User.objects.get(email="handicapraad@example.dk"),
        hearing=hearing,
        council=councils["handicapraadet"],
        section=hearing.sections.get(number=3),
        body="Handicaprådet bakker op og foreslår, at rådet også får en fast kontaktperson i forvaltningen.",
        notify_about_decision=True,
    )


def _concluded_guidelines(staff, committee, department, councils) -> None:
    today = timezone.localdate()
    hearing = _hearing(
        staff,
        committee,
        department,
        ELDER_GUIDELINES,
        starts_on=today - timedelta(days=2),
        ends_on=today + timedelta(days=1),
        themes=list(Theme.objects.filter(slug="aeldrepleje")),
    )
    services.invite(actor=staff, hearing=hearing, council=councils["aeldreraadet"])
    hearing = services.publish_hearing(actor=staff, hearing=hearing)
    services.answer_hearing(
        author=User.objects.get(email="aeldreraad@example.dk"),
        hearing=hearing,
        council=councils["aeldreraadet"],
        section=hearing.sections.get(number=2),
        body="Ældrerådet holder møde én gang om måneden og ønsker fire uger til at svare.",
        notify_about_decision=True,
    )
    services.answer_hearing(
        author=User.objects.get(email="borger@example.dk"),
        hearing=hearing,
        body="Godt, at Ældrerådet bliver hørt. Husk også de pårørende.",
        notify_about_decision=True,
    )
    # The demo's calendar: the hearing ran in the weeks before today, and its deadline has passed.
    Hearing.objects.filter(id=hearing.id).update(
        starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=2)
    )
    hearing.refresh_from_db()
    services.write_note_summary(
        actor=staff, hearing=hearing, note_summary="Ældrerådet og en borger har svaret. Begge bakker op."
    )
    notes = {
        1: ("Ingen bemærkninger til afsnittet.", "Afsnittet fastholdes.", False),
        2: ("Ældrerådet ønsker fire uger til at svare.", "Afdelingen er enig: fristen bliver fire uger.", True),
    }
    for section in hearing.sections.all():
        summary, comment, changes = notes[section.number]
        services.write_section_note(
            actor=staff, section=section, summary=summary, comment=comment, changes_draft=changes
        )
    services.publish_note(actor=staff, hearing=hearing)


def _borgerforum_awaiting_its_notat(staff, committee, department, councils) -> None:
    today = timezone.localdate()
    hearing = _hearing(
        staff,
        committee,
        department,
        BORGERFORUM,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    for slug in ("aeldreraadet", "handicapraadet"):
        services.invite(actor=staff, hearing=hearing, council=councils[slug])
    hearing = services.publish_hearing(actor=staff, hearing=hearing)
    services.answer_hearing(
        author=User.objects.get(email="aeldreraad@example.dk"),
        hearing=hearing,
        council=councils["aeldreraadet"],
        section=hearing.sections.get(number=1),
        body="Ældrerådet vil gerne have to pladser, så rådet kan være repræsenteret, også når et medlem er syg.",
        notify_about_decision=True,
    )
    services.answer_hearing(
        author=User.objects.get(email="borger@example.dk"),
        hearing=hearing,
        section=hearing.sections.get(number=2),
        body="Møder om aftenen, tak, så man kan nå det efter arbejde.",
        notify_about_decision=True,
    )
    # The demo's calendar: the hearing ran for three weeks and its deadline was yesterday.
    Hearing.objects.filter(id=hearing.id).update(
        starts_on=today - timedelta(days=22), ends_on=today - timedelta(days=1)
    )
