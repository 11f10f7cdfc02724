"""Removing personal data from short excerpts before anyone outside the case sees them.

Pure functions on text. What goes:
- e-mail addresses, also written to dodge a filter: mette(at)privat.dk, mette at privat.dk,
  mette [snabel-a] privat [punktum] dk;
- CPR numbers in every common spelling: six date digits (a real date: day and month checked) and four
  serial digits, with any separator or none between the groups (150585-4321, 150585–4321, 15.05.85-4321,
  15 05 85 4321, 010203 - 1234); after "CPR"/"personnummer", any ten digits;
- Danish phone numbers: eight digits together, in pairs or in fours (spaces, dashes, dots or slashes,
  the same between every group), with or without +45 / 0045 / (+45);
- street addresses: a street name ending in -vej, -gade, -stræde, -allé, -vænget, -torv, -plads and
  the like, with its house number and optionally letter, floor, side, postcode and town;
- names: the names of the people known for the item (given by the caller: the citizen, her representatives,
  the staff on the case), capitalised name-like words after Danish cues ("hedder", "min sagsbehandler",
  "Med venlig hilsen", "fru", ...), common Danish first names and surnames, capitalised words before a
  surname ending in -sen or -gaard, and any other capitalised name pair (below).

The name-pair rule. Danish writes nouns in lower case, so two or more capitalised words in a row on one line
("Birk Thorsager", "Zeynep Kaya Demir", "H.C. Lumbye") are nearly always a proper name, and the proper names
a complaint holds are mostly people's. Such a run is removed, unless it is one of the proper names that are
not people's, told by one word of it:
- the word starts the sentence and is a word that often does (Det, Jeg, Hvis, I, Min...): it is left out
  and the rest of the run is judged on its own ("Derfor Birk Thorsager" loses the name, keeps "Derfor");
- a place: the municipality's towns and Denmark's larger ones, countries and regions (Holbæk, Tølløse,
  København, Danmark, Sjælland...), or a word ending like a place name (-rup, -løse, -købing, -lev,
  -havn) or a street (-vej, -gade, -stræde, -allé, -torv, -plads...);
- an institution or organisation: Kommune, Region, Rådhus, Borgerservice, Jobcenter, Folketinget..., or a
  word ending like one (-skolen, -rådet, -udvalget, -centret, -huset, -hallen, -forum, -forening...);
- a weekday, month or holiday (Mandag Morgen, Sankt Hans), or a common noun ending that names are not
  built from (-ordning, -ering, -hed, -skab, -tion, -else).
So "Holbæk Kommune", "Tølløse Bibliotek" and "Landdistrikternes Fællesråd" stay; "Birk Thorsager" goes. The
lists are short on purpose: a place or an organisation they miss is removed too, which the excerpt survives.

Redaction errs on the side of removing too much: an excerpt that reads "[navn] ringede"
where no name was is better than a name that reaches a committee.
"""

import datetime
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

# Placeholders are lower case inside brackets, so no pattern below can match them again.


def _placeholders() -> dict[str, str]:
    return {
        "email": _("[e-mail]"),
        "cpr": _("[cpr-nr.]"),
        "phone": _("[telefon]"),
        "address": _("[adresse]"),
        "name": _("[navn]"),
    }


UPPER = "A-ZÆØÅÄÖÜÉ"
LOWER = "a-zæøåäöüéèáíóúñ"
WORD = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"  # Mette, Hans-Henrik
INITIALS = rf"(?:[{UPPER}]\.\s?){{1,3}}"  # H.C. / J.
# One to four capitalised words (initials allowed), on one line.
NAME_SEQUENCE = rf"(?:{INITIALS})?{WORD}(?:[ \t]+(?:{INITIALS})?{WORD}){{0,3}}"

DASHES = "\\-‐‑‒–—―−"  # hyphen-minus, hyphens, figure dash, en and em dash, minus sign
# Between the groups of a number: nothing, blanks, or one dash, dot or slash with blanks around it.
GAP = rf"[ \t\u00a0]*[{DASHES}./]?[ \t\u00a0]*"
CPR_RE = re.compile(
    rf"(?<![\d{DASHES}])(?<!\d[.,/])(?P<day>\d{{2}}){GAP}(?P<month>\d{{2}}){GAP}(?P<year>\d{{2}}){GAP}\d{{4}}(?!\d)"
)
CPR_CUE_RE = re.compile(
    r"(?i:(?:cpr|personnummer|personnr\.?|p-nr\.?)(?:-?(?:nummer|nr\.?))?[ \t]*(?:er|:)?[ \t]*)"
    rf"(?:\d[ \t{DASHES}./]?){{9}}\d(?![ \t{DASHES}./]?\d)"  # ten digits, not the start of a longer number
)


def _is_cpr_date(day: str, month: str, year: str) -> bool:
    """Whether DDMMYY is a real date (the century hides in the serial: 29 February counts whenever YY is a
    leap year in the 2000s, erring towards removing)."""
    try:
        datetime.date(2000 + int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def contains_cpr(text: str) -> bool:
    """Whether the text still holds something redact() would take for a CPR number."""
    return CPR_CUE_RE.search(text) is not None or any(
        _is_cpr_date(m["day"], m["month"], m["year"]) for m in CPR_RE.finditer(text)
    )


PHONE_RE = re.compile(
    rf"(?<![\w+{DASHES}])(?:(?:\+|00)[ \t]?45[ \t{DASHES}]?|\(\+?45\)[ \t]?)?"
    rf"(?:\d{{8}}|\d{{2}}(?P<sep>[ .{DASHES}/])\d{{2}}(?P=sep)\d{{2}}(?P=sep)\d{{2}}|\d{{4}}[ .{DASHES}/]\d{{4}})"
    rf"(?![\d{DASHES}]|[.,]\d)"
)

# An e-mail address: the @ may be written (at), [at], " at ", snabel-a; the dots (dot), [punktum], " dot ".
_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
_AT = rf"(?:@|[ \t]*{_OPEN}[ \t]*(?:at|snabel-?a|@)[ \t]*{_CLOSE}[ \t]*)"
_DOT = rf"(?:\.|[ \t]*{_OPEN}[ \t]*(?:dot|punktum|prik)[ \t]*{_CLOSE}[ \t]*|[ \t]+(?:dot|punktum|prik)[ \t]+)"
_LABEL = r"[\w-]+"
_TLDS = r"(?:dk|com|net|org|eu|se|no|de|nu|info|io|me|uk|fo|gl|is|fi|biz)"
EMAIL_RE = re.compile(
    # an @ or a bracketed at: anything after it that looks like a domain
    rf"[\w.+-]+{_AT}{_LABEL}(?:{_DOT}{_LABEL})+"
    # a bare " at " or " snabel-a ": only before a domain that ends in a known top-level domain
    rf"|(?i:[\w.+-]+[ \t]+(?:at|snabel-?a)[ \t]+{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_TLDS})(?![\w])"
)

STREET_SUFFIXES = (
    "vej", "vejen", "gade", "gaden", "stræde", "strædet", "allé", "alle", "vænget", "vænge", "torv", "torvet",
    "plads", "pladsen", "boulevard", "stien", "sti", "bakken", "bakke", "parken", "haven", "toften", "vangen",
    "vang", "højen", "engen", "lunden", "løkken", "hegnet", "gyde", "passage", "kaj", "kajen", "bryggen",
    "krogen", "ager", "agre", "marken", "skrænten", "svinget", "tværvej", "stræde",
)  # fmt: skip
_SUFFIX = "|".join(sorted(set(STREET_SUFFIXES), key=len, reverse=True))
ADDRESS_RE = re.compile(
    rf"(?<![\w.])(?=[{UPPER}])"  # the street name starts with a capital letter
    rf"(?:(?:[{UPPER}][\w.'’-]*|Gl\.|Ny|Sankt|Store|Lille|Nørre|Søndre|Vester|Øster)\s+){{0,3}}"
    rf"(?=[{UPPER}])[\w'’-]*?(?i:{_SUFFIX})"  # a capitalised last word that ends like a street, or is one
    r"\s+\d{1,4}(?:\s?[A-Za-z](?![\w]))?"  # house number, maybe with a letter: 12, 12B, 12 b
    r"(?:,?\s*(?:st|kl|kld|\d{1,2})\.?(?!\d)(?:\s*sal)?(?:,?\s*(?:tv|th|mf|\d{1,3})(?![\w])\.?)?)?"  # floor, side
    rf"(?:,?\s*\d{{4}}\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}](?![\w]))?)?"  # postcode and town: 4300 Holbæk
)

NAME_CUES = (
    r"hedder",
    r"mit navn er",
    r"navnet er",
    r"(?:med )?venlig hilsen",
    r"mange hilsner",
    r"hilsen",
    r"mvh\.?",
    r"kære",
    r"hej",
    r"v/",
    r"fru",
    r"hr\.",
    r"frk\.",
    r"(?:sags|familie)?behandler(?:en)?",
    r"sagsbehandler(?:en)?",
    r"(?:familie)?rådgiver(?:en)?",
    r"(?:job)?konsulent(?:en)?",
    r"kontaktperson(?:en)?",
    r"visitator(?:en)?",
    r"pædagog(?:en)?",
    r"lærer(?:en)?",
    r"leder(?:en)?",
    r"læge(?:n)?",
    r"hjælper(?:en)?",
    r"(?:min|mit|vores|hans|hendes) (?:søn|datter|barn|mand|kone|hustru|kæreste|mor|far|bror|søster|nabo|"
    r"naboer|ven|veninde|bedstemor|bedstefar|svigermor|svigerfar|barnebarn)",
    r"(?:talte|talt|snakkede|snakket|ringede|skrev|skrevet) (?:med|til)",
)
CUE_RE = re.compile(rf"(?i:\b(?:{'|'.join(NAME_CUES)}))[ \t]*[,:]?[ \t]*\n?[ \t]*({NAME_SEQUENCE})")

# Common Danish first names and surnames (Danmarks Statistik's most frequent), without names that are
# also everyday words when capitalised at the start of a sentence (Bo, Per, Mark, Max, Rose, Else...).
FIRST_NAMES = frozenset(
    """Aase Agnes Ahmad Ahmed Aisha Alberte Albert Alexander Ali Allan Alma Amalie Anders Andreas Anette Anita
    Ann Anna Anne Annette Annie Arne Asger Astrid Benjamin Bent Bente Birgit Birgitte Birthe Bjarne Bodil
    Brian Britt Bruno Camilla Carl Carina Caroline Charlotte Christian Christina Christine Claus Conny Dan
    Daniel David Dennis Dorte Dorthe Ebbe Edith Ejnar Elisabeth Ella Ellen Emil Emilie Emma Erik Esben Eva
    Fatima Flemming Frank Freja Frederik Frida Gitte Grete Gunnar Hamid Hanne Hans Hassan Heidi Helena Helle
    Helga Henning Henrik Ib Ida Inge Inger Ingrid Irene Jacob Jakob Jan Janne Jannie Jens Jeppe Jesper Jette
    Joan Johannes John Johanne Jonas Jonathan Josefine Julie Jytte Jørgen Jørn Karen Karin Karina Karl
    Karsten Kasper Katrine Kenneth Kim Kirsten Kristian Kristina Kurt Laila Lars Lasse Laura Leif Leila Lene
    Lina Line Linda Lis Lise Lisbeth Louise Lotte Lucas Magnus Mads Maja Malene Malthe Marc Marianne Maria
    Marie Martin Mathias Mathilde Mette Michael Mikkel Mohammad Mohammed Mona Morten Naja Nanna Niels
    Nikolaj Nina Noah Oliver Ole Omar Oscar Otto Palle Peter Pernille Pia Poul Preben Rasmus Rikke Rita Rune
    Ruth Sanne Sara Sarah Sebastian Signe Simon Simone Sofie Sofia Stefan Steen Sten Stine Susanne Svend
    Søren Thomas Tina Tine Tobias Tom Tommy Torben Tove Trine Troels Ulla Ulrik Vibeke Victor Victoria
    Viggo Villads William Yasmin Yusuf""".split()  # noqa: SIM905 - a word list reads best as words
)
SURNAMES = frozenset(
    """Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen
    Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen Jacobsen
    Mikkelsen Frederiksen Laursen Henriksen Lund Holm Schmidt Eriksen Kristiansen Simonsen Clausen Svendsen
    Andreasen Iversen Jeppesen Vestergaard Mogensen Nissen Lauridsen Kjær Bertelsen Dahl Østergaard
    Jepsen Bach Kjeldsen Søndergaard Nørgaard Carlsen Lauritsen Overgaard Bundgaard Skov Friis Ahmed
    Hussein Yilmaz Rahimi""".split()  # noqa: SIM905
)
_FIRST = "|".join(sorted(FIRST_NAMES, key=len, reverse=True))
_SUR = "|".join(sorted(SURNAMES, key=len, reverse=True))
COMMON_NAME_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_FIRST})(?:[ \t]+(?:{INITIALS})?{WORD}){{0,3}}|(?:{_SUR}))(?![\w-])"
    rf"|(?<![\w-]){WORD}(?:[ \t]+{WORD})?[ \t]+[{UPPER}][{LOWER}]+(?:sen|gaard|gård)(?![\w-])"
)


# The name-pair rule (see the module's docstring).
SENTENCE_STARTERS = frozenset(
    """Af Alle Alt Andre At Bagefter Begge Da De Dem Den Denne Der Deres Derfor Det Dette Du Efter Eller En Endelig
    Endnu Enten Et Flere For Fordi Fra Før Først Han Hans Hele Hende Hendes Her Hun Hvad Hvem Hver Hvis Hvor
    Hvordan Hvorfor Hvornår Hej I Ikke Ingen Jeg Jo Kan Kun Lige Man Med Men Mens Min Mine Mit Måske Nej Nogle Nu
    Når Og Også Om Os Over På Samme Se Selv Siden Sidst Sig Skal So Som Så Til Tak Uden Under Ved Vi Vil Vores
    Yderligere""".split()  # noqa: SIM905
)
NOT_PERSON_WORDS = frozenset(
    """Holbæk Tølløse Jyderup Svinninge Mørkøv Tuse Vipperød Orø Kundby Ugerløse Regstrup Knabstrup Stestrup Undløse
    Sønder Søndre Nørre Nordre Øster Østre Vester Vestre Store Lille Ny Nye Gamle Gl Nykøbing Kalundborg Roskilde
    Ringsted Slagelse Næstved Odsherred Lejre Sorø København Københavns Aarhus Odense Aalborg Esbjerg Randers
    Kolding Horsens Vejle Herning Allinge Bornholm Sjælland Sjællands Fyn Jylland Lolland Falster Danmark Danmarks
    Grønland Færøerne Norden Europa Sverige Norge Tyskland Syrien Tyrkiet Ukraine Irak Iran Polen Somalia
    Afghanistan Hovedstaden Midtjylland Nordjylland Syddanmark Kommune Kommunes Kommunen Region Regionen Regions
    Rådhus Rådhuset Borgerservice Jobcenter Jobcentret Ydelsescenter Ydelsescentret Familiecentret Folketinget
    Folketingets Regeringen Staten Styrelsen Ankestyrelsen Udbetaling Skat Sundhedsstyrelsen Datatilsynet
    Ombudsmanden Politi Politiet Sygehus Sygehuset Hospital Hospitalet Universitetshospital Bibliotek Biblioteket
    Station Stationen Kirke Kirken Havn Havnen Skole Skolen Gymnasium Gymnasiet Center Centret Centeret Hus Huset
    Hallen Kollegium Plejecenter Plejehjem Friskole Efterskole Højskole Børnehave Vuggestue Klub Forening Foreningen
    Fond Fonden Forbund Forbundet Fællesråd Borgerforum Demokratieksperimentariet Mandag Morgen Avis Avisen Tirsdag
    Onsdag Torsdag Fredag Lørdag Søndag Januar Februar Marts April Maj Juni Juli August September Oktober November
    December Jul Juleaften Påske Påsken Pinse Pinsen Nytår Nytårsaften Sankt Grundlovsdag Kristi Himmelfart
    Folkemødet Facebook Google Microsoft Apple Netflix Coop Netto Føtex Bilka Rema Lidl Aldi Irma Meny Brugsen Dansk
    Danske Engelsk Arabisk Tyrkisk Ukrainsk Gud Jesus""".split()  # noqa: SIM905
)
NOT_PERSON_ENDINGS = (
    "rup", "strup", "løse", "købing", "lev", "havn", "havnen", "sted", "skolen", "skole", "rådet", "råd",
    "udvalget", "udvalg", "centret", "centeret", "center", "huset", "hallen", "forum", "forening", "foreningen",
    "forbund", "kommune", "kommunen", "styrelsen", "ministeriet", "tilsynet", "hjemmet", "plejen", "kirken",
    "biblioteket", "vuggestue", "vuggestuen", "børnehave", "børnehaven", "dagpleje", "dagplejen", "plejehjem",
    "plejehjemmet", "model", "modellen", "plan", "planen", "politik", "politikken", "strategi", "anlæg", "ordning",
    "ordningen", "ering", "eringen", "hed", "heden", "skab", "skabet", "tion", "tionen", "else", "elsen", "gruppen",
    "gruppe", "klubben", "parti", "partiet", "bladet", "tidende",
    # the street suffixes no surname ends in (Bakke, Toft, Vang and Thorsager are people too)
    "vej", "vejen", "gade", "gaden", "stræde", "strædet", "allé", "vænget", "torv", "torvet", "plads", "pladsen",
    "boulevard", "passage",
)  # fmt: skip
_ENDINGS = tuple(sorted(set(NOT_PERSON_ENDINGS), key=len, reverse=True))
NAME_PAIR_RE = re.compile(rf"(?<![\w-])(?:{INITIALS}|{WORD})(?:[ \t]+(?:{INITIALS}[ \t]?)?{WORD})+(?![\w-])")
_PAIR_WORD_RE = re.compile(rf"{INITIALS}|{WORD}")


def _is_not_a_person(word: str) -> bool:
    lowered = word.lower()
    parts = [form for part in lowered.split("-") for form in (part, part.removesuffix("s"))]  # genitive too
    return (
        word in NOT_PERSON_WORDS
        or word.removesuffix("s") in NOT_PERSON_WORDS
        or any(part.endswith(_ENDINGS) for part in parts)
    )


def _redact_name_pair(match: re.Match, mark: str) -> str:
    """A run of capitalised words: kept if a word of it says it is not a person's name; a sentence-starting
    word in front is kept, and the rest judged alone (see the module's docstring)."""
    run = match.group(0)
    words = list(_PAIR_WORD_RE.finditer(run))
    lead = ""
    while words and words[0].group(0) in SENTENCE_STARTERS:
        lead = run[: words[1].start()] if len(words) > 1 else run
        words = words[1:]
    names = [w.group(0) for w in words if not w.group(0).endswith(".")]  # initials alone are no name
    if len(words) < 2 or not names or any(_is_not_a_person(name) for name in names):
        return run
    return lead + mark


def _known_names_re(names: Iterable[str]) -> re.Pattern | None:
    """Each known full name (any case), and each part of it of two letters or more as written."""
    full, parts = set(), set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        full.add(re.escape(name))
        parts.update(re.escape(part) for part in re.split(r"[\s-]+", name) if len(part) >= 2)
    if not full:
        return None
    alternatives = "|".join(
        [f"(?i:{n})" for n in sorted(full, key=len, reverse=True)] + sorted(parts, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s)?(?![\w-])")


def redact(text: str, *, names: Iterable[str] = ()) -> str:
    """The text with personal data replaced by placeholders such as [navn] and [telefon]."""
    mark = _placeholders()
    text = EMAIL_RE.sub(mark["email"], text)
    text = CPR_CUE_RE.sub(mark["cpr"], text)
    text = CPR_RE.sub(lambda m: mark["cpr"] if _is_cpr_date(m["day"], m["month"], m["year"]) else m[0], text)
    text = PHONE_RE.sub(mark["phone"], text)
    text = ADDRESS_RE.sub(mark["address"], text)
    known = _known_names_re(names)
    if known is not None:
        text = known.sub(mark["name"], text)
    text = CUE_RE.sub(lambda match: match.group(0)[: match.start(1) - match.start(0)] + mark["name"], text)
    text = COMMON_NAME_RE.sub(mark["name"], text)
    text = NAME_PAIR_RE.sub(lambda match: _redact_name_pair(match, mark["name"]), text)
    name = re.escape(mark["name"])
    return re.sub(rf"{name}(?:[ \t]+(?:og[ \t]+)?{name})+", mark["name"], text)  # "[navn] [navn]" is one name


def excerpt(text: str, *, names: Iterable[str] = (), length: int = 240) -> str:
    """A short redacted excerpt: redacted first, so no half of a number survives the cut."""
    redacted = " ".join(redact(text, names=names).split())
    if len(redacted) <= length:
        return redacted
    cut = redacted[:length].rsplit(" ", 1)[0].rstrip(",.;:–-")
    return f"{cut} …"
