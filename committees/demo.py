"""The demo committee's meetings: the meeting of 24 March 2015 with items 119–123 from the seed
minutes (minutes published, so the produced minutes can be set beside the original), and an
upcoming planned meeting for trying the secretary's work."""

import hashlib
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Committee, CommitteeMembership, User
from committees.models import AgendaItem, Attachment, Location, Meeting, MeetingFile, PaperFile
from committees.services import default_procedure, store_paper_files, store_public_file
from documents.pdf import render_pdf
from documents.text import markdown_tree

COMMITTEE_SLUG = "projektudvalget-demokratieksperimentariet"
PLACE = "lokale 1.D, Kanalstræde 2"

MEMBERS = [
    ("formand@example.dk", "Anne Lykke", CommitteeMembership.Role.CHAIR, True),
    ("udvalgsmedlem@example.dk", "Peter Friis", CommitteeMembership.Role.MEMBER, False),
]

ITEMS_2015 = [
    {
        "number": 119,
        "title": "Drøftelse - Myndighed på ny måde, mere for og med borgerne",
        "case_number": "13/37262",
        "item_type": "discussion",
        "procedure": "Demokratiekperimentariet - drøftelse",
        "recommendation": "Projektudvalget drøfter hvordan Demokratiekperimentariet i 2015 arbejder med "
        "aktiviteten 'Myndighed på ny måde'",
        "description": """Aktiviteten 'Myndighed på en ny måde' handler i store træk om at udfordre den klassiske myndighedsrolle. En kommune kan være myndighed på mange måder. En ansøgning skal ikke nødvendigvis bare lukkes med afslag til borgeren, hvis den ikke umiddelbart kan imødekommes. Og klager over afgørelser og sagsbehandling kan besvares på andre måder, end med en ændret afgørelse eller en afvisning af klagen.

Der er som kommune mulighed for at bruge andre tilgange. Det kan eksempelvis være, at kommunen går i dialog med borgerne om, hvordan ønsker og behov på alternative måder kan imødekommes inden for lovens rammer - eller at sagsbehandleren tager kontakt til borgere, og hører hvordan de har oplevet en sag eller forstået en afgørelse.

At være 'myndighed på en ny måde', betyder også at kommunen bliver mere åben for borgernes ønsker og behov. Dermed kan medarbejderne i nogle sager påtage sig en rolle som konsulent, hvor fagpersonerne bruger deres viden på området, til at hjælpe borgerne på vej - samtidig med at de også er myndighed.

### Erfaringer

I 2013-14 har Familiecentret og Natur- og Miljøafdelingen afprøvet en ændret myndighedsrolle i klagesager, hvor man bl.a. har taget en meget tidlig og tæt kontakt til klagerne og brugt dem som anledning til at udvikle myndighedsopgaven. På udvalgmødet deltager Tina Jepsen fra Familiecentret, og fortæller om erfaringerne med ændret klagehåndtering.

### Drøftelse

Projektudvalget drøfter hvordan Demokratiekperimentariet i 2015 arbejder med aktiviteten 'Myndighed på ny måde', og hvordan tilgangen kan bringes ind i en bredere sammenhæng. Der kan tages udgangspunkt i følgende spørgsmål:

- hvordan læringer fra 'myndighed på en ny måde' kan inddrages i andre sammenhænge fx politiske udvalg, omstillingsgrupper og byråd
- hvordan klager og forslag til politikere, byråd og afdelinger, kan bruges til at udvikle måden at være kommune og myndighed på.

### Forslag til arbejde med aktiviteten

Projektgruppen foreslår, at der arbejdes videre med aktiviteten ved at indsamle yderligere erfaringer og eksempler fra organisationen, og finde afdelinger/fagområder som kan gøre forsøg med at implementere erfaringer – samt på den baggrund at udarbejde forslag til, hvordan der i byråd og udvalg kan arbejdes med tilgangen.""",
        "decision": "Projektudvalget drøftede, hvordan ændret tilgang til klagesager og borgere som klager, kan "
        "bidrage til udvikling af opgaveløsningen.",
        "attachments": [],
    },
    {
        "number": 120,
        "title": "Drøftelse af Holbæk Kommunes valgfremmeindsats",
        "case_number": "15/10481",
        "item_type": "discussion",
        "procedure": "Demokratiekperimentariet – drøftelse",
        "recommendation": "Projektudvalget drøfter Holbæk Kommunes valgfremmeindsats.",
        "description": """Økonomiudvalget behandlede den 3. marts et punkt om Holbæk Kommunes valgfremmeindsats. I punktet blev det indstillet, at byrådet:

1. opretter en pulje til valgfremme på 100.000 kr. i de år, hvor der afholdes kommunalvalg.
2. opretter en pulje til valgfremme på 50.000 kr. i de år, hvor der afholdes folketingsvalg, Europa-Parlamentsvalg eller folkeafstemning.

Alternativt blev det indstillet, at byrådet:

1. opretter en pulje til valgfremme på 70.000 kr. i de år, hvor der afholdes kommunalvalg.
2. opretter en pulje til valgfremme på 20.000 kr. i de år, hvor der afholdes folketingsvalg, Europa-Parlamentsvalg eller folkeafstemning.
3. afsætter 30.000 kr. til afholdelse af brevstemmevalg på uddannelsessteder i Holbæk Kommune.

Økonomiudvalget besluttede, at valgfremmeindsatsen skulle drøftes i Demokratiekperimentariet, hvorefter den behandles i Økonomiudvalget i april. Desuden blev det besluttet, at Demokratiekperimentariet formidler de kommende tiltag.

### Baggrund

Holbæk Byråd besluttede den 12. juni 2013, at der op til kommunalvalget i 2013 skulle være en række initiativer for at få flere til at stemme med fokus på unge, socialt udsatte og nydanskere. Som i alle andre kommuner steg stemmeprocenten i Holbæk Kommune sammenlignet med 2009, nemlig fra 66,7 pct. til 71,4 pct. Desuden steg stemmeprocenten i næsten alle vælgergrupper. I forhold til målgrupperne for valgfremmeinitiativer var det specielt blandt de unge, at stemmeprocenten steg, fx med 15 pct.-point blandt de 19-21-årige.

Projektudvalget for Demokratiekperimentariet drøftede d. 23. september 2014 den fremtidige valgfremme-indsats på baggrund af erfaringerne fra kommunalvalget. Anbefalingen fra Demokratiekperimentariet er, at kommunen skal fortsætte indsatsen for at få flere til at stemme. Desuden anbefales det, at der skal være en valgfremme-indsats ved alle valg, da det at stemme er en vanesag. Derfor vil en høj valgdeltagelse ved ét valg, have en positiv effekt på valgdeltagelsen for det følgende valg.

### Den fremtidige indsats

Indstillingen lægger op til, at byrådet understøtter borgernes initiativer for at få flere til at stemme gennem oprettelsen af en pulje til valgfremme. I de år, hvor der afholdes valg, kan borgere og foreninger søge om støtte. Dette er en anden fremgangsmåde end ved kommunalvalget, hvor kommunens indsats hovedsagligt blev udført af administrationen.

Ved at oprette en pulje til valgfremme får kommunen:

- en valgfremme-indsats der i højere grad bringer borgernes og foreningernes ressourcer og idéer i spil.
- muligvis en større valgdeltagelse ved at borgere og foreninger kommer til at stå som afsender af budskabet om at få flere til at stemme.

Retningslinjer for ansøgningsprocedure, herunder kriterier for hvilke projekter, der kan opnå støtte, udarbejdes af administrationen i samspil med repræsentanter for de vælgergrupper, der har lav valgdeltagelse.

Fælles-skaberne (kommunens konsulenter for frivillighed og lokaldemokrati) vil hjælpe med at formidle muligheden for at opnå støtten for puljen til valgfremme og yde support til de projekter, der opnår støtte.""",
        "decision": """Projektudvalget drøftede punktet, og anbefaler til Økonomiudvalget:

- At punkt 1 og 2 i den alternative indstilling bør fastholdes, men at der gives samme beløb til alle valg, hhv. 75.000 kr. og 75.000 kr.
- At administrationen i dialog med relevante råd, nævn og organisationer, planlægger og gennemfører valgfremmeindsatser, dog med undtagelse af mobile stemmebokse.
- At det undersøges hvad gratis bustrafik på valgdage koster, herunder også pris for ekstra stop ved valgsteder.""",
        "attachments": [
            "Statistik for deltagelsen i kommunalvalget i Holbæk Kommune",
            "Holbæk Kommunes valgfremmeinitiativer ved kommunalvalget i 2013",
        ],
    },
    {
        "number": 121,
        "title": "Drøftelse - Folkemøde 2015",
        "case_number": "13/37262",
        "item_type": "discussion",
        "procedure": "Demokratiekperimentariet - drøftelse",
        "recommendation": "Projektudvalget drøfter emner og temaer for deltagelse i debatter og arrangementer på "
        "Folkemødet.",
        "description": """Folkemødet afholdes i 2015 fra 11. - 14. juni, med mere end tusinde små og store arrangementer, debatter, happenings mv. Holbæk Kommune har deltaget på Folkemødet i både 2013 og 2014, med fokus på frivillighed, lokaldemokrati og Demokratiekperimentariet. I 2015 deltager en stor del af byrådet sammen med Fælles-skaberne og Demokratiekperimentariet, med følgende formål:

- Gensidig politisk inspiration
- Tværpolitisk udveksling af idéer og erfaring
- Promovering af Holbæk Kommune, bl.a. via 'Holbæk i Fællesskab' og Demokratiekperimentariet, gennem deltagelse i debatter mv.

### Drøftelse

Som led i forberedelsen til byrådets deltagelse i Folkemødet drøfter Demokratiekperimentariet, hvad det særligt er Holbæk Kommuner skal byde ind med, i de debatter, paneler og arrangementer.

### Arrangementer

Der er indtil videre kontakt til/aftale om fælles debatarrangementer med Mandag Morgen og Landdistrikternes Fællesråd, som begge har eget telt på Folkemødet. Derudover arbejdes der på at lave aftale om et yderligere arrangement.

Hos **Mandag Morgen** er temaet velfærdsudvikling, og der er dialog med Århus Kommune, Odense Kommune, og Frivilligrådet om et debatarrangement omkring velfærd og samskabelse. Projektgruppen foreslår en debat omkring spørgsmålene:

- Hvor stort er potentialerne for fællesskabs velfærd i kommunerne.
- Hvor/og hvor meget kan og skal vi lade borgerne selv skabe velfærden.

Konkret kan Holbæk Kommune i denne sammenhæng præsentere følgende innovationer:

- Omstillinger udvikler svar på velfærdsudviklinger sammen med borgerne
- Ny organisation som følger borgeren i stedet for systemet – og som sætter rammer for en kulturændring omkring borgerens behov.
- Velfærdsteknologi og OPP-plejehjem
- Mentorordning med borgere som mentorer
- Brugerdrevne Ældrecenter
- Holbæk i Fællesskab hvor kommunen er et fællesskab og ikke en serviceleverandør

Hos **Landdistrikternes Fællesråd** er der indgået aftale om et 45 minutters arrangement. Vi har mulighed for selv at finde flere parter, og forme et oplæg til debat. Projektgruppen foreslår en debat om spørgsmålet:

- Hvad er kommunernes potentiale for at skabe levende lokalområder i en presset økonomi, hvor der er færre og færre penge til velfærd, tilskud og service i landområderne.

Der kan suppleres med følgende spørgsmål:

- Hvordan skaberne kommunerne levende lokalsamfund
- hvordan skabes synergi mellem udvikling af land og by i kommunerne,
- Hvordan sikrer kommunerne en tæt dialog og kontakt til yderområderne i kommunen

### Øvrige

- Derudover arbejdes der på et arrangement som fokuserer på vækst, erhverv og samskabelse. Projektgruppen foreslår at omstillingsgruppen 'Virksomheder hjælper udsatte borgere i arbejde' og "Den Frivillige Mentorordningen" kan være udgangspunkt, og eksempler på områder, hvor nytænkning, innovation og nye partnerskaber kan skabe løsninger på komplekse problemer.
- Byrådsmedlemmer som deltager på Folkemødet er derudover blevet opfordret til at melde sig til Speakers Corner.
- Fælles-skaberne laver eget Holbæk Kommune-arrangement på tilsvarende måde som i 2013-2014, med fokus på 'at vi sammen med borgerne skaber 'kommune på ny måde' og omtænker roller, samarbejder og det store fællesskab'.""",
        "decision": "Projektudvalget drøftede og godkendte projektgruppens oplæg til emner og debatter til Folkemødet",
        "attachments": [],
    },
    {
        "number": 122,
        "title": "Drøftelse - Samskabelse",
        "case_number": "13/37262",
        "item_type": "discussion",
        "procedure": "Demokratiekperimentariet- Drøftelse",
        "recommendation": "Projektudvalget drøfter hvordan der på politisk niveau kan arbejdes med fremme af "
        "samskabelse i kommunen.",
        "description": """Projektudvalgets drøftede på udvalgsmødet den 24. februar, hvordan der i Demokratiekperimentariet sættes fokus på konkrete aktiviteter med samskabelse, herunder hvilke muligheder og udfordringer der er på den administrative bane i forbindelse med samskabelse.

I Holbæk Kommune er der, bl.a. på baggrund af Frivilligstrategien, mange forsøg med og indsatser for at inddrage borger og brugere i den konkrete opgaveløsning, og skabe velfærd sammen med borgerne. På den politiske bane har der også, bl.a. i forbindelse med omstillingsgrupperne, været eksperimenteret med samskabelse.

Der ligger dog en række udfordringer i at omstille kommunen fra at levere velfærds- og serviceydelser, til at skabe løsninger sammen med borgerne. Bl.a. skal både borgere, brugere og medarbejdere kunne indtage nye roller, og ændre i vaner, faglighed og kultur. Og på den politiske bane kan en omstilling til mere samskabelse, bl.a. kræve en udvidet demokratisk dialog med borgerne om, hvor velfærden skal bevæge sig hen.

### Drøftelse

For at sætte fokus på, hvordan Holbæk Kommune styrker samskabelse i den kommunale opgaveløsning, kan projektudvalget drøfte følgende spørgsmål:

- Hvordan kan der på den politiske bane arbejdes med at fremme en samskabelseskultur
- Hvad kræver det af politiske beslutninger
- Hvad kræver samskabelse af politisk lederskab, og hvordan kan det fremmes?

### Om samskabelse

Begrebet samskabelse kan handle både om nærdemokrati, borgerdrevet innovation og frivillighed. Men i samskabelse ligger der ofte noget mere radikalt end i borgerinddragelse.

Med samskabelse kan den offentlige sektor til tage en ny og anderledes rolle i forhold til borgerne og civilsamfundet. Og borgerne og alle andre interessenter begynde også at tage ny roller: Det er ikke længere sådan, at det offentlige leverer, putter varer på hylderne og tilfredsstiller de ønsker og behov, som borgerne har, og borgene skal ikke ses som 'kunder'.

Med samskabelse ses borgerne i højere grad som en del af fællesskabet, og som en part der har ressourcer og som kan taget et ansvar – en ressource som kan spilles ind i velfærdssamfundet, og i nogle tilfælde løse velfærdsudfordringer bedre end kommunens ansatte.

### Inspiration

På mødet vil Thomas Richelieu fremlægge pointer og betragtninger om samskabelse, herunder erfaringer fra omstillingsgrupperne i 2014.

### Bilag

Eksempler på hvordan borgere og brugere i Holbæk Kommune inddrages i at løse velfærds- og serviceopgaver.""",
        "decision": "Projektudvalget besluttede at udsætte drøftelsen af punktet til næste udvalgs møde",
        "attachments": ["5 eksempler på samskabelse i Holbæk kommune"],
    },
    {
        "number": 123,
        "title": "Orientering - Status på aktiviteter i Demokratiekperimentariet",
        "case_number": "13/37262",
        "item_type": "information",
        "procedure": "Demokratiekperimentariet - Orientering",
        "recommendation": "Projektudvalget orienteres om status på igangværende aktiviteter i Demokratiekperimentariet",
        "description": """Projektudvalget orienteres om status på følgende aktiviteter i Demokratiekperimentariet:

- Forsøg med nye former for Borgerbudgettering
- Ny Dialogmodel
- Dialog og inddragelse af udsatte, som alternativ til udsatteråd
- Dialog og samarbejde med Råd og Nævn
- Holbæk Borgerforum""",
        "decision": "Projektudvalget blev orienteret om status på aktiviteter.",
        "attachments": [],
    },
]


def _demo_pdf(title: str) -> bytes:
    """A small real PDF standing in for a Bilag of the 2015 meeting."""
    body = markdown_tree("Bilag til mødet i Demokratieksperimentariet den 24. marts 2015 (demo).")
    return render_pdf(
        template="documents/text.typ", context={"heading": title, "body": body}, language="da", title=title
    )


def _local(day: datetime, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def seed() -> None:
    committee = Committee.objects.get(slug=COMMITTEE_SLUG)
    for email, full_name, role, is_public in MEMBERS:
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, DEMO_PASSWORD, full_name=full_name
        )
        CommitteeMembership.objects.update_or_create(
            user=user, committee=committee, defaults={"role": role, "is_public": is_public}
        )
    location, _ = Location.objects.get_or_create(description=PLACE)
    _seed_2015_meeting(committee, location)
    _seed_upcoming_meeting(committee, location)


def _seed_2015_meeting(committee: Committee, location: Location) -> None:
    start = _local(datetime(2015, 3, 24), time(17, 0))
    meeting = Meeting.objects.filter(committee=committee, start=start).first()
    if meeting is None:
        meeting = _create_2015_meeting(committee, location, start)
    _store_2015_documents(meeting)


def _store_2015_documents(meeting: Meeting) -> None:
    """The agenda and minutes PDFs an OParl client finds as the meeting's `invitation` and `resultsProtocol`, and
    each item's own document (its Paper's `mainFile`), dated as published in 2015 (also for a demo database seeded before they were stored)."""
    for kind, published in (
        (MeetingFile.Kind.AGENDA, meeting.agenda_published_at),
        (MeetingFile.Kind.MINUTES, meeting.minutes_published_at),
    ):
        if not meeting.files.filter(kind=kind).exists():
            stored = store_public_file(meeting=meeting, kind=kind)
            MeetingFile.objects.filter(id=stored.id).update(created_at=published, updated_at=published)
    if not PaperFile.objects.filter(item__meeting=meeting).exists():  # each item's own document (Paper mainFile)
        stored = store_paper_files(meeting=meeting)
        PaperFile.objects.filter(item__in=[paper_file.item_id for paper_file in stored]).update(
            created_at=meeting.agenda_published_at, updated_at=meeting.agenda_published_at
        )


def _create_2015_meeting(committee: Committee, location: Location, start: datetime) -> Meeting:
    published = _local(datetime(2015, 3, 17), time(12, 0))
    meeting = Meeting.objects.create(
        committee=committee,
        start=start,
        end=start + timedelta(hours=2),
        location=location,
        status=Meeting.Status.MINUTES_PUBLISHED,
        agenda_published_at=published,
        minutes_published_at=start + timedelta(days=2),
    )
    for order, data in enumerate(ITEMS_2015, start=1):
        item = AgendaItem.objects.create(
            meeting=meeting,
            committee=committee,
            order=order,
            **{key: value for key, value in data.items() if key != "attachments"},
        )
        for position, title in enumerate(data["attachments"], start=1):
            content = _demo_pdf(title)
            attachment = Attachment(
                item=item,
                title=title,
                file_name=f"bilag-{data['number']}-{position}.pdf",
                mime_type="application/pdf",
                size=len(content),
                sha1=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
                sha512=hashlib.sha512(content).hexdigest(),
                order=position,
            )
            attachment.file.save(attachment.file_name, ContentFile(content), save=False)
            attachment.save()
    # The record as it stood in 2015: written the week before, last changed when the minutes came out.
    written, final = published - timedelta(days=7), meeting.minutes_published_at
    Meeting.objects.filter(id=meeting.id).update(created_at=written, updated_at=final)
    AgendaItem.objects.filter(meeting=meeting).update(created_at=written, updated_at=final)
    Attachment.objects.filter(item__meeting=meeting).update(created_at=written, updated_at=written)
    return meeting


def _seed_upcoming_meeting(committee: Committee, location: Location) -> None:
    """The committee's next meeting, a Tuesday at 17:00 two to three weeks ahead, with one item already drafted."""
    if committee.meetings.filter(status=Meeting.Status.PLANNED, start__gte=timezone.now()).exists():
        return
    day = timezone.localdate() + timedelta(days=14)
    day += timedelta(days=(1 - day.weekday()) % 7)
    meeting = Meeting.objects.create(committee=committee, start=_local(day, time(17, 0)), location=location)
    AgendaItem.objects.create(
        meeting=meeting,
        committee=committee,
        order=1,
        title="Orientering - Status på aktiviteter i Demokratieksperimentariet",
        case_number="13/37262",
        item_type=AgendaItem.ItemType.INFORMATION,
        procedure=default_procedure(committee=committee, item_type=AgendaItem.ItemType.INFORMATION),
        recommendation="Projektudvalget orienteres om status på igangværende aktiviteter i Demokratieksperimentariet.",
        description="Projektudvalget orienteres om status på følgende aktiviteter:\n\n"
        "- Borgerdialog: klager som begyndelsen på en samtale\n"
        "- Idétavlerne og de forslag, der har fået nok støtte\n"
        "- Holbæk Borgerforum",
    )
