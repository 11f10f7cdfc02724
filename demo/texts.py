"""Danish complaint texts built from templates, for the generated municipality.

Each theme has its own subjects and sentences; every text also gets sentences
that any complaint could contain, and sometimes a second theme (slow case
handling and unclear letters often come on top of the real subject) or a
piece of personal data (an address, a phone number, a CPR number, a name), as
real complaints do. Themes that lie close to each other share words (roads and
snow clearing, school and school transport, elderly care and aids), so telling
them apart is not trivial.
"""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeSpec:
    """How people write about one theme of the demo taxonomy (themes.demo)."""

    slug: str
    departments: tuple[str, ...]
    subjects: tuple[str, ...]
    sentences: tuple[str, ...]


PLACES = ("Holbæk", "Tølløse", "Jyderup", "Svinninge", "Vipperød", "Mørkøv", "Regstrup", "Ugerløse", "Tuse", "Orø")
POSTCODES = {"Holbæk": 4300, "Tølløse": 4340, "Jyderup": 4450, "Svinninge": 4520, "Vipperød": 4390,
             "Mørkøv": 4440, "Regstrup": 4420, "Ugerløse": 4350, "Tuse": 4300, "Orø": 4300}  # fmt: skip
STREETS = ("Ahornvej", "Smedelundsgade", "Ahlgade", "Kalundborgvej", "Bakkegårdsvænget", "Skovvænget", "Strandstræde",
           "Jernbanevej", "Bispehusvej", "Roskildevej", "Kirkestræde", "Elmeallé", "Møllevangen", "Tveje Merløsevej",
           "Nygade", "Stenhusvej", "Markvænget", "Torvet")  # fmt: skip
SCHOOLS = ("Stenhusskolen", "Bjergmarkskolen", "Absalonskolen", "Tuse Skole", "Sydskolen", "Jyderup Skole")
INSTITUTIONS = ("Børnehuset Troldehøj", "Vuggestuen Mælkebøtten", "Børnehaven Solsikken", "Dagplejen i Tølløse",
                "Børnehuset Regnbuen")  # fmt: skip
CHILD = ("min søn", "min datter", "vores barn", "vores søn", "vores datter", "mit barnebarn")
FIRST_NAMES = ("Mette", "Anne", "Kirsten", "Hanne", "Susanne", "Camilla", "Louise", "Sofie", "Ida", "Emma", "Julie",
               "Signe", "Nanna", "Rikke", "Bente", "Gitte", "Dorthe", "Vibeke", "Peter", "Jens", "Lars", "Michael",
               "Henrik", "Thomas", "Søren", "Niels", "Christian", "Martin", "Jesper", "Anders", "Rasmus", "Mads",
               "Kasper", "Mikkel", "Ole", "Poul", "Torben", "Flemming", "Ali", "Ahmed", "Fatima", "Aisha", "Omar",
               "Yusuf", "Leila", "Agnete", "Villads", "Ebbe", "Sigrid", "Halfdan")  # fmt: skip
SURNAMES = ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
            "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
            "Mortensen", "Knudsen", "Lund", "Holm", "Schmidt", "Vestergaard", "Kjær", "Dahl", "Østergaard", "Rahimi",
            "Yilmaz", "Hussein", "Bundgaard", "Skovgaard", "Lykke", "Brandt", "Winther")  # fmt: skip

THEMES: tuple[ThemeSpec, ...] = (
    ThemeSpec(
        "vej-og-trafik",
        ("vej-og-park",),
        (
            "Huller i vejen på {street}",
            "Farlig trafik ved {school}",
            "Vejarbejde der aldrig bliver færdigt",
            "Manglende fortov i {place}",
            "For høj fart på {street}",
            "Afslag på vejbump",
        ),
        (
            "Der er store huller i asfalten på {street}, og min cykel er blevet ødelagt.",
            "Bilerne kører alt for stærkt forbi, og der er ingen fartdæmpning.",
            "Vejarbejdet har nu stået på i {weeks} uger uden at nogen arbejder der.",
            "Børnene skal krydse en meget trafikeret vej uden fodgængerovergang.",
            "Skiltningen ved omkørslen er forvirrende, og lastbilerne kører ind på vores lille vej.",
            "Kommunen har givet afslag på vores ansøgning om vejbump, selv om vejen bruges som skolevej.",
            "Fortovet er så ujævnt, at min mor med rollator ikke kan gå der.",
            "Gadelyset på stien har været slukket i flere uger, og det er utrygt at gå hjem om aftenen.",
            "Parkerede biler spærrer for udsynet i krydset.",
            "Der mangler en cykelsti mellem {place} og skolen.",
        ),
    ),
    ThemeSpec(
        "snerydning",
        ("vej-og-park",),
        (
            "Vejen bliver ikke ryddet for sne",
            "Glat fortov ved {street}",
            "Sneplov har skubbet sne ind i indkørslen",
            "Ingen saltning på cykelstien",
            "Klage over vintertjenesten",
        ),
        (
            "Vores vej er ikke blevet ryddet for sne i {days} dage, og hjemmeplejen kan ikke komme frem.",
            "Sneplovene skubber sneen op foran vores indkørsel, så vi ikke kan komme ud.",
            "Cykelstien til skolen bliver aldrig saltet, og det er livsfarligt om morgenen.",
            "Jeg faldt på det glatte fortov og brækkede håndleddet.",
            "Kommunen siger, at vores vej er lavt prioriteret i vintertjenesten, men her bor mange ældre.",
            "Der bliver saltet på hovedvejen, men ikke på de små veje i {place}.",
            "Bussen kunne ikke komme frem på grund af sne og is.",
            "Vi fik at vide, at grundejerne selv skal rydde fortovet, men det er kommunens areal.",
        ),
    ),
    ThemeSpec(
        "affald",
        ("natur-og-miljo",),
        (
            "Skraldespanden bliver ikke tømt",
            "Klage over ny affaldsordning",
            "Storskrald blev ikke hentet",
            "Afgift for affald er for høj",
            "Lukket genbrugsplads i {place}",
        ),
        (
            "Vores skraldespand er ikke blevet tømt de sidste {weeks} uger, og det lugter.",
            "Den nye ordning med ti fraktioner er umulig at overskue i et lille køkken.",
            "Storskraldet stod på fortovet i en uge, men blev aldrig hentet.",
            "Renovationsbilen kører op ad vores græsplæne og ødelægger den.",
            "Affaldsgebyret er steget, selv om vi får hentet mindre affald.",
            "Genbrugspladsen har så korte åbningstider, at man ikke kan nå det efter arbejde.",
            "Beholderen til papir og pap er alt for lille til en familie på fem.",
            "Jeg har fået en bøde for forkert sortering, men det var ikke vores skraldespand.",
        ),
    ),
    ThemeSpec(
        "natur-og-miljo",
        ("natur-og-miljo", "vej-og-park"),
        (
            "Støj fra virksomhed i {place}",
            "Fældning af gamle træer",
            "Forurening af vandløbet",
            "Klage over miljøtilladelse",
            "Lugtgener fra svinestald",
        ),
        (
            "Virksomheden ved siden af larmer hele natten, og vi kan ikke sove.",
            "Kommunen har fældet de gamle bøgetræer i parken uden at spørge nogen.",
            "Der løber spildevand ud i åen, og fiskene er døde.",
            "Vi er uenige i, at svinefarmen har fået miljøgodkendelse så tæt på byen.",
            "Lugten fra gyllen er så slem, at vi ikke kan være i haven om sommeren.",
            "Grønne områder bliver slået så tit, at der ikke er nogen blomster til bierne.",
            "Naboens brændeovn ryger så meget, at vi ikke kan lufte ud.",
            "Vandet stiger i vores kælder, fordi grøften ikke bliver vedligeholdt.",
        ),
    ),
    ThemeSpec(
        "byggesager",
        ("plan-og-byg",),
        (
            "Afslag på byggetilladelse til carport",
            "Naboens tilbygning tager vores lys",
            "Lang ventetid på byggetilladelse",
            "Klage over lokalplan for {place}",
            "Afslag på dispensation",
        ),
        (
            "Vi har fået afslag på at bygge en carport, fordi den ligger 30 centimeter for tæt på skellet.",
            "Naboen har fået lov til at bygge en tilbygning i to etager, som tager alt lyset i vores have.",
            "Vi har ventet {weeks} uger på en byggetilladelse, og håndværkerne er nu gået i gang med andre opgaver.",
            "Den nye lokalplan tillader høje boligblokke midt i et villakvarter.",
            "Kommunen kræver en ny tegning, selv om vi har sendt alt, hvad der blev bedt om.",
            "Vi søgte om dispensation til et større udhus, men fik afslag uden en ordentlig begrundelse.",
            "Tilsynet siger, at vores terrasse er ulovlig, men den har ligget der i tyve år.",
            "Byggesagsgebyret er alt for højt i forhold til den tid, sagen tog.",
        ),
    ),
    ThemeSpec(
        "skole-og-sfo",
        ("skole-og-dagtilbud",),
        (
            "Afslag på skoleskift for {child}",
            "Klage over specialundervisning",
            "SFO lukker for tidligt",
            "Manglende støtte i klassen",
            "Afslag på specialskole",
        ),
        (
            "{child_cap} går på {school} og får ikke den støtte, der står i den pædagogiske psykologiske vurdering.",
            "Vi har søgt om skoleskift, men fik afslag, fordi klassen er fuld.",
            "SFO'en lukker klokken 16, og det kan vi ikke nå, når vi arbejder i København.",
            "{child_cap} bliver mobbet, og skolen gør ikke nok ved det.",
            "Vi ønsker et specialskoletilbud, men kommunen mener, at {child} kan inkluderes i almenklassen.",
            "Lærerne skifter hele tiden, og klassen har haft vikarer i halvdelen af timerne.",
            "Skolen har sendt {child} hjem flere gange uden at kontakte os først.",
            "Vi er uenige i skolens vurdering af, at {child} ikke skal have ekstra undervisning i dansk.",
        ),
    ),
    ThemeSpec(
        "dagtilbud",
        ("skole-og-dagtilbud",),
        (
            "Ingen plads i vuggestue",
            "Klage over forældrebetaling",
            "Dagplejer stopper med kort varsel",
            "Afslag på plads i {institution}",
            "For få voksne i børnehaven",
        ),
        (
            "Vi har fået en plads i en vuggestue langt fra vores bopæl, selv om vi har pladsgaranti tæt på.",
            "Forældrebetalingen er steget, og vi har ikke fået økonomisk friplads, selv om vi har en lav indkomst.",
            "Dagplejeren stopper om to uger, og der er ikke fundet en ny plads til {child}.",
            "Vi fik afslag på plads i {institution}, hvor storebror også går.",
            "Der er for få voksne i børnehaven, og børnene bliver ikke skiftet.",
            "Åbningstiden i {institution} passer ikke til forældre, der arbejder på skift.",
            "Vi har ikke fået svar på vores ansøgning om søskendetilskud.",
            "Overgangen fra dagpleje til børnehave blev planlagt uden at spørge os.",
        ),
    ),
    ThemeSpec(
        "skolebus-og-koersel",
        ("skole-og-dagtilbud", "vej-og-park"),
        (
            "Afslag på befordring til skole",
            "Skolebussen kommer ikke",
            "For lang køretid i skolebussen",
            "Kørsel til specialskole",
            "Farlig skolevej, men ingen bus",
        ),
        (
            "Vi har fået afslag på gratis befordring, fordi afstanden til {school} er under grænsen.",
            "Skolebussen er flere gange kørt forbi stoppestedet uden at samle {child} op.",
            "{child_cap} sidder i bussen i over en time hver vej på grund af omvejene.",
            "Taxikørslen til specialskolen kommer ofte for sent, og {child} bliver utryg.",
            "Kommunen siger, at skolevejen ikke er farlig, men der er ingen cykelsti langs landevejen.",
            "Busruten er lagt om, så stoppestedet nu ligger to kilometer fra vores hjem.",
            "Vi fik ikke besked om den nye køreplan, før skoleåret var begyndt.",
        ),
    ),
    ThemeSpec(
        "aeldrepleje",
        ("aeldre-og-sundhed",),
        (
            "Nedsat hjemmehjælp til min mor",
            "Hjemmeplejen kommer ikke til tiden",
            "Afslag på plejebolig",
            "Klage over madservice",
            "For kort genoptræning efter hospitalsophold",
        ),
        (
            "Min mor på 87 år har fået skåret sin hjemmehjælp ned til rengøring hver tredje uge.",
            "Hjemmeplejen kommer på skiftende tidspunkter, og min far får ikke sin medicin til tiden.",
            "Vi har søgt om plejebolig, fordi min mand er dement, men vi har fået afslag.",
            "Maden fra madservice er kold, når den kommer, og min far spiser den ikke.",
            "Genoptræningen efter hoftebruddet blev stoppet efter fire uger, selv om hun ikke kan gå alene.",
            "Der kommer nye hjælpere hver dag, og min mor bliver forvirret og bange.",
            "Visitatoren har vurderet, at min far kan klare indkøb selv, men han kan ikke gå ud af huset.",
            "Plejehjemmet har for lidt personale om natten.",
        ),
    ),
    ThemeSpec(
        "hjaelpemidler-og-handicap",
        ("handicap-og-psykiatri", "aeldre-og-sundhed"),
        (
            "Afslag på kørestol",
            "Klage over afslag på handicapbil",
            "Boligændring bliver ikke godkendt",
            "Nedsat BPA-ordning",
            "Afslag på dækning af merudgifter",
        ),
        (
            "Jeg har fået afslag på en elektrisk kørestol, selv om jeg ikke kan gå mere end hundrede meter.",
            "Kommunen vil ikke give tilskud til en handicapbil, fordi de mener, jeg kan tage bussen.",
            "Vi har søgt om at få fjernet dørtrinene og lavet en rampe, men sagen har ligget stille i {weeks} uger.",
            "Timerne i min BPA-ordning er blevet sat ned, og jeg kan ikke få hjælp om aftenen.",
            "Afgørelsen om merudgifter tager ikke højde for mine ekstra udgifter til medicin og transport.",
            "Hjælpemidlet, jeg fik bevilget, passer ikke, og der går måneder før det bliver udskiftet.",
            "Min søn med autisme har fået afslag på ledsagerordning.",
            "Badestolen og toiletforhøjeren blev hentet igen uden varsel.",
        ),
    ),
    ThemeSpec(
        "boern-og-familie",
        ("familiecentret",),
        (
            "Klage over afslag på aflastning",
            "Uenig i børnefaglig undersøgelse",
            "Samvær med mit barn",
            "Klage over anbringelse",
            "Familiebehandling stoppet uden grund",
        ),
        (
            "Vi har fået afslag på aflastning, selv om vi er helt udkørte af at passe {child} med ADHD.",
            "Den børnefaglige undersøgelse indeholder mange fejl, og vi er ikke blevet hørt.",
            "Jeg får kun samvær med {child} hver anden weekend under overvågning, og det er ikke begrundet.",
            "Familiecentret har besluttet at anbringe {child} uden for hjemmet, og det er vi uenige i.",
            "Familiebehandlingen blev stoppet, fordi den var dyr, selv om den hjalp os.",
            "Vores familierådgiver er skiftet tre gange på et år, og vi må forklare det hele forfra.",
            "Der er lavet en underretning på os, som bygger på rygter, og vi har ikke fået aktindsigt.",
            "Vi ønsker en kontaktperson til {child}, men kommunen siger nej.",
        ),
    ),
    ThemeSpec(
        "beskaeftigelse-og-ydelser",
        ("jobcenter",),
        (
            "Stop for sygedagpenge",
            "Sanktion i kontanthjælpen",
            "Afslag på fleksjob",
            "Uenig i aktiveringstilbud",
            "Klage over jobcentret",
        ),
        (
            "Jobcentret har stoppet mine sygedagpenge, selv om min læge siger, at jeg ikke kan arbejde.",
            "Jeg har fået en sanktion i min kontanthjælp, fordi jeg kom for sent til et møde, men bussen var aflyst.",
            "Jeg har ansøgt om fleksjob, men rehabiliteringsteamet mener, jeg skal i praktik igen.",
            "Aktiveringstilbuddet passer slet ikke til min uddannelse og erfaring.",
            "Min jobkonsulent er skiftet fire gange, og ingen har læst mine papirer.",
            "Der er trukket penge i min ydelse uden at jeg har fået et brev om det.",
            "Jeg skal møde op til samtale hver uge, selv om jeg er i behandling for stress.",
            "Ressourceforløbet blev afsluttet uden en plan for, hvad der skal ske.",
        ),
    ),
    ThemeSpec(
        "borgerservice",
        ("borgerservice",),
        (
            "Lang ventetid i telefonen",
            "Kan ikke få tid til pas",
            "Borgerservice i {place} lukker",
            "Kørekortet blev ikke fornyet",
            "Forkert adresse i folkeregistret",
        ),
        (
            "Jeg har ventet i telefonkø i over en time, og så blev forbindelsen afbrudt.",
            "Der er ingen ledige tider til at bestille pas før om {weeks} uger, og vi skal rejse.",
            "Borgerservice i {place} lukker, og nu skal ældre borgere køre til Holbæk.",
            "Mit kørekort blev ikke fornyet i tide, fordi lægeattesten blev væk.",
            "Min adresse er registreret forkert, og jeg får ikke min post.",
            "Selvbetjeningen på nettet virker ikke med MitID, og man kan ikke få hjælp.",
            "Medarbejderen ved skranken var uvenlig og ville ikke hjælpe mig med ansøgningen.",
            "Det nye sundhedskort kom aldrig, selv om jeg har betalt for det.",
        ),
    ),
    ThemeSpec(
        "sagsbehandling-og-kommunikation",
        ("familiecentret", "jobcenter", "plan-og-byg", "aeldre-og-sundhed", "handicap-og-psykiatri"),
        (
            "Ingen svar fra kommunen",
            "Brevet er umuligt at forstå",
            "Sagen har ligget stille i måneder",
            "Jeg er ikke blevet partshørt",
            "Klage over sagsbehandlingen",
        ),
        (
            "Jeg har ikke hørt noget fra kommunen i {weeks} uger, selv om jeg har skrevet flere gange.",
            "Afgørelsen er skrevet i et sprog, som jeg ikke kan forstå, og der står ikke, hvad jeg skal gøre.",
            "Ingen har ringet tilbage, selv om jeg har lagt besked tre gange.",
            "Jeg er ikke blevet partshørt, før afgørelsen blev truffet.",
            "Sagsbehandlingstiden er meget længere end det, der står på hjemmesiden.",
            "Jeg har bedt om aktindsigt for {weeks} uger siden og har stadig ikke fået noget.",
            "Brevet henviser til paragraffer, men forklarer ikke, hvorfor jeg har fået afslag.",
        ),
    ),
)

SECONDARY_SLUG = "sagsbehandling-og-kommunikation"

GENERIC = (
    "Jeg synes ikke, det er rimeligt.",
    "Jeg håber, at I vil se på sagen igen.",
    "Det har påvirket hele familien meget.",
    "Jeg vil gerne tale med nogen om det.",
    "Jeg er meget skuffet over kommunen.",
    "Jeg forventer et svar snarest.",
    "Jeg har boet i kommunen i mange år og har aldrig klaget før.",
    "Jeg beder om, at afgørelsen bliver ændret.",
    "Det er ikke første gang, det sker.",
    "Jeg vil gerne have en forklaring.",
)

DESIRED = (
    "Jeg ønsker, at afgørelsen bliver lavet om.",
    "Jeg vil gerne have et møde, hvor vi kan tale om det.",
    "Jeg ønsker en undskyldning og en plan for, hvordan det bliver løst.",
    "At nogen ringer mig op og forklarer, hvad der sker nu.",
    "At problemet bliver løst inden for en måned.",
)

CONTACT_SUMMARIES = (
    "Talt med borgeren om klagen. Vi har forklaret afgørelsen og aftalt et møde.",
    "Borgeren blev ringet op. Vi har fundet en løsning, som borgeren er tilfreds med.",
    "Gennemgået sagen med borgeren. Borgeren fastholder klagen, som sendes videre.",
    "Møde med borgeren og pårørende. Der er aftalt en ny vurdering af behovet.",
    "Kort samtale i telefonen. Borgeren ønsker skriftligt svar.",
)

OUTCOME_NOTES = (
    "Tak for samtalen. Som aftalt har vi fundet en løsning sammen.",
    "Vi har genvurderet sagen og ændret afgørelsen.",
    "Vi fastholder afgørelsen og har sendt klagen til klageinstansen.",
    "Som aftalt i telefonen lukker vi klagen.",
)


def _fill(template: str, rng: random.Random) -> str:
    child = rng.choice(CHILD)
    return template.format(
        street=rng.choice(STREETS),
        place=rng.choice(PLACES),
        school=rng.choice(SCHOOLS),
        institution=rng.choice(INSTITUTIONS),
        weeks=rng.randint(2, 16),
        days=rng.randint(2, 9),
        child=child,
        child_cap=child[:1].upper() + child[1:],
    )


def phone_number(rng: random.Random) -> str:
    digits = f"{rng.randint(2, 9)}{rng.randint(0, 9_999_999):07d}"
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2)) if rng.random() < 0.6 else digits


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def personal_detail(rng: random.Random, *, citizen_name: str, staff_name: str) -> str:
    """One sentence with personal data, as citizens write it."""
    place = rng.choice(PLACES)
    floor = f"{rng.randint(1, 4)}. tv."
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(30, 99)
    cpr = f"{day:02d}{month:02d}{year:02d}{'-' if rng.random() < 0.5 else ''}{rng.randint(1000, 9999)}"
    choices = (
        f"Jeg bor på {rng.choice(STREETS)} {rng.randint(1, 120)}, {floor}, {POSTCODES[place]} {place}.",
        f"I kan ringe til mig på {'+45 ' if rng.random() < 0.3 else ''}{phone_number(rng)}.",
        f"Skriv gerne til {citizen_name.split()[0].lower()}{rng.randint(1, 99)}@mail.dk.",
        f"Mit CPR-nummer er {cpr}.",
        f"Jeg har talt med {staff_name} fra kommunen, men hun kunne ikke hjælpe.",
        f"Min sagsbehandler {staff_name.split()[0]} har ikke svaret.",
    )
    return rng.choice(choices)


def complaint_text(
    rng: random.Random, spec: ThemeSpec, *, secondary: ThemeSpec | None = None, citizen_name: str = "",
    staff_name: str = "", personal_share: float = 0.15,
) -> tuple[str, str]:  # fmt: skip
    """(subject, description) of a complaint about `spec`, possibly also about `secondary`."""
    subject = _fill(rng.choice(spec.subjects), rng)
    sentences = [_fill(s, rng) for s in rng.sample(spec.sentences, k=rng.randint(1, 3))]
    if secondary is not None:
        sentences.append(_fill(rng.choice(secondary.sentences), rng))
    sentences.extend(rng.sample(GENERIC, k=rng.randint(0, 2)))
    rng.shuffle(sentences)
    if citizen_name and rng.random() < personal_share:
        sentences.append(personal_detail(rng, citizen_name=citizen_name, staff_name=staff_name or person_name(rng)))
    description = " ".join(sentences)
    if citizen_name and rng.random() < personal_share:
        description += f"\n\nMed venlig hilsen\n{citizen_name}"
    return subject, description


def labelled_examples(count: int, *, seed: int = 0, label_noise: float = 0.05) -> list[tuple[str, list[str]]]:
    """(text, theme slugs) pairs as staff would have themed them, some of them inconsistently.

    A quarter of the texts also carry the slow-case-handling theme; `label_noise`
    of the labels are a wrong theme, as happens when many people theme by hand.
    """
    rng = random.Random(seed)
    by_slug = {spec.slug: spec for spec in THEMES}
    primaries = [spec for spec in THEMES if spec.slug != SECONDARY_SLUG]
    examples = []
    for _ in range(count):
        spec = rng.choice(primaries)
        secondary = by_slug[SECONDARY_SLUG] if rng.random() < 0.25 else None
        subject, description = complaint_text(rng, spec, secondary=secondary, citizen_name=person_name(rng))
        labels = [spec.slug] + ([secondary.slug] if secondary else [])
        if rng.random() < label_noise:
            labels[0] = rng.choice(THEMES).slug
        examples.append((f"{subject}\n{description}", sorted(set(labels))))
    return examples


# Ideas: what citizens propose about each theme (title, and sentences for the body).
IDEA_TEXTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "vej-og-trafik": (
        (
            "Cykelsti mellem {place} og skolen",
            "Fartdæmpning på {street}",
            "Flere fodgængerfelter ved skolerne",
            "Bedre belysning på stierne",
        ),
        (
            "Mange børn cykler til skole, og en sikker cykelsti vil få flere til at lade bilen stå.",
            "Bump eller chikaner vil få bilerne til at sænke farten i boligområdet.",
            "Vi kan selv hjælpe med at tegne forslag til, hvor overgangene skal ligge.",
        ),
    ),
    "snerydning": (
        ("Saltning af cykelstier før kl. 7", "Fælles snerydning i villavejene", "App til at melde glatte fortove"),
        (
            "Hvis cykelstierne blev saltet tidligt, kunne flere cykle om vinteren.",
            "Naboer kunne gå sammen om at rydde sne, hvis kommunen lånte redskaber ud.",
            "Borgerne kan hjælpe kommunen med at finde de glatte steder.",
        ),
    ),
    "affald": (
        (
            "Flere genbrugsstationer i lokalområderne",
            "Byttemarked på genbrugspladsen",
            "Længere åbningstid på genbrugspladsen",
        ),
        (
            "Mange ting, der bliver smidt ud, kunne bruges af andre.",
            "Et byttehjørne vil mindske affaldet og skabe liv på pladsen.",
            "Aftenåbent én dag om ugen vil hjælpe dem, der arbejder.",
        ),
    ),
    "natur-og-miljo": (
        ("Vilde blomster i rabatterne", "Plant flere træer i byen", "Rens åen sammen med borgerne"),
        (
            "Blomsterenge i stedet for slået græs vil hjælpe bierne og spare penge.",
            "Træer giver skygge og renere luft, og skoleklasser kan hjælpe med at plante.",
            "En årlig fælles oprydningsdag vil samle borgerne om naturen.",
        ),
    ),
    "byggesager": (
        (
            "Gør det lettere at søge byggetilladelse",
            "Borgermøde før nye lokalplaner",
            "Vejledning om carporte på nettet",
        ),
        (
            "En enkel vejledning med eksempler vil spare både borgere og kommune for tid.",
            "Naboer bør høres tidligt, før planerne er færdige.",
            "Et digitalt kort over reglerne for hvert område vil hjælpe mange.",
        ),
    ),
    "skole-og-sfo": (
        ("Lektiecafé på alle skoler", "Længere åbningstid i SFO", "Skolehaver til alle klasser"),
        (
            "Ikke alle børn kan få hjælp til lektier hjemme.",
            "Forældre med lang transport har brug for, at SFO'en har åbent lidt længere.",
            "En skolehave lærer børnene om natur og mad.",
        ),
    ),
    "dagtilbud": (
        ("Flere pædagoger i vuggestuerne", "Fleksibel åbningstid i børnehaver", "Søskendegaranti i dagtilbud"),
        (
            "Flere voksne pr. barn giver tryggere børn.",
            "Forældre, der arbejder på skift, har brug for andre åbningstider.",
            "Søskende bør kunne gå i samme institution.",
        ),
    ),
    "skolebus-og-koersel": (
        ("Skolebus til de små landsbyer", "Gratis bus for skolebørn", "Cykelbus med voksne på skolevejen"),
        (
            "Børn i landsbyerne har lang og farlig skolevej.",
            "Gratis bus vil få flere børn til at komme selv til skole.",
            "Forældre kan skiftes til at følge en flok cyklende børn.",
        ),
    ),
    "aeldrepleje": (
        ("Faste hjemmehjælpere til ældre", "Fællesspisning for ældre i {place}", "Besøgsvenner til ensomme ældre"),
        (
            "Ældre bliver trygge, når det er de samme hjælpere, der kommer.",
            "At spise sammen giver både appetit og selskab.",
            "Frivillige besøgsvenner kan gøre en stor forskel for ensomme.",
        ),
    ),
    "hjaelpemidler-og-handicap": (
        ("Udlån af hjælpemidler i weekenden", "Tilgængelige stier i naturen", "Handicapvenlige legepladser"),
        (
            "Det skal være nemt at låne en kørestol, også i weekenden.",
            "Alle skal kunne komme ud i naturen, også med rollator eller kørestol.",
            "Børn med handicap skal kunne lege sammen med andre børn.",
        ),
    ),
    "boern-og-familie": (
        (
            "Familiecafé for nye forældre",
            "Netværksgrupper for forældre til børn med særlige behov",
            "Åben rådgivning uden tidsbestilling",
        ),
        (
            "Nye forældre har brug for et sted at mødes og få råd.",
            "Forældre kan støtte hinanden, når de står i samme situation.",
            "Mange har spørgsmål, der ikke kræver en sag, men et godt råd.",
        ),
    ),
    "beskaeftigelse-og-ydelser": (
        ("Praktikpladser hos lokale virksomheder", "Jobcafé med frivillige mentorer", "Færre møder for sygemeldte"),
        (
            "Lokale virksomheder kan give ledige en vej ind på arbejdsmarkedet.",
            "Erfarne frivillige kan hjælpe med ansøgninger og jobsamtaler.",
            "Sygemeldte har brug for ro til at blive raske.",
        ),
    ),
    "borgerservice": (
        ("Borgerservice om aftenen", "Hjælp til MitID på biblioteket", "Kortere ventetid i telefonen"),
        (
            "Mange kan ikke nå Borgerservice i arbejdstiden.",
            "Ældre har brug for hjælp til det digitale, tæt på hvor de bor.",
            "Et tilbageringningssystem vil spare borgerne for lang ventetid.",
        ),
    ),
    "sagsbehandling-og-kommunikation": (
        ("Breve i et sprog alle kan forstå", "Én fast kontaktperson i kommunen", "Status på min sag på nettet"),
        (
            "Afgørelser bør skrives i et enkelt sprog med en forklaring øverst.",
            "Det er trygt at kende den, der har ens sag.",
            "Man bør kunne se, hvor langt ens sag er, uden at ringe.",
        ),
    ),
}


def idea_text(rng: random.Random, slug: str) -> tuple[str, str]:
    """(title, body) of a citizen's idea about the theme."""
    titles, sentences = IDEA_TEXTS[slug]
    body = " ".join(_fill(s, rng) for s in rng.sample(sentences, k=rng.randint(2, len(sentences))))
    return _fill(rng.choice(titles), rng), body + " " + rng.choice(IDEA_CLOSINGS)


IDEA_CLOSINGS = (
    "Jeg håber, udvalget vil se på idéen.",
    "Vi vil gerne være med til at gøre det til virkelighed.",
    "Det vil gøre en forskel for mange borgere.",
    "Støt idéen, hvis du er enig.",
)
