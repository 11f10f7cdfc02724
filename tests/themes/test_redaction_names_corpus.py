"""Names against generated corpora (Hypothesis): a person's name of two or more capitalised words is removed
wherever it stands in a Danish sentence, though it is on no list of names; the names of the people known to the
case go in every spelling, alone too; and the proper names that are not people's (a town's institutions,
places, weekdays) stay. The rule is themes.redaction's docstring."""

import pytest
from django.utils import translation
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from themes.redaction import FIRST_NAMES, NOT_PERSON_WORDS, SENTENCE_STARTERS, SURNAMES, redact

# Names on no list: made of syllables, so no name list or exception list is what removes them. First names end
# in a vowel, surnames in an ending of the surnames Danes have from elsewhere; none ends like a place (-rup,
# -lev, -sted), an institution (-skolen, -rådet) or a common noun (-hed, -else).
ONSETS = ["B", "D", "F", "G", "K", "L", "M", "N", "R", "S", "T", "V", "Z", "Ø", "Å"]
VOWELS = ["a", "e", "i", "o", "u", "y", "æ", "ø", "å"]
MIDDLES = ["l", "r", "n", "m", "s", "d", "k", "v", "lv", "nd", "rk", "st"]
SURNAME_ENDINGS = ["holt", "mann", "ski", "ov", "ian", "ez", "ini", "oglu", "ager", "ström", "bæk", "dahl"]

SENTENCES = st.sampled_from(
    [
        ("", " ringede i går og var vred."),  # the start of the text
        ("Derfor ", " skrev til afdelingen."),  # after a word that starts sentences
        ("Vi har talt med ", ", men intet skete."),
        ("Hjemmeplejen sendte ", " ud til min mor."),
        ("Det var ", "s skyld, siger hun."),  # genitive
        ("Jeg bor i Tølløse. ", " kommer hver tirsdag."),  # the start of a later sentence
        ("Brevet var underskrevet af ", "."),
    ]
)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@st.composite
def first_names(draw) -> str:
    syllables = draw(st.lists(st.tuples(st.sampled_from(VOWELS), st.sampled_from(MIDDLES)), min_size=1, max_size=2))
    name = draw(st.sampled_from(ONSETS)) + "".join(v + m for v, m in syllables) + draw(st.sampled_from(VOWELS))
    return name


@st.composite
def surnames(draw) -> str:
    stem = draw(st.sampled_from(ONSETS)) + draw(st.sampled_from(VOWELS)) + draw(st.sampled_from(MIDDLES))
    return stem + draw(st.sampled_from(SURNAME_ENDINGS))


@st.composite
def unlisted_names(draw) -> str:
    """Two to four words: a first name, maybe a middle name or an initial, a surname, maybe a double surname."""
    words = [draw(first_names())]
    middle = draw(st.sampled_from(["", "initial", "name"]))
    if middle == "initial":
        words.append(draw(st.sampled_from(ONSETS)) + ".")
    elif middle == "name":
        words.append(draw(first_names()))
    surname = draw(surnames())
    if draw(st.booleans()):
        surname = f"{surname}-{draw(surnames())}"
    words.append(surname)
    # A made-up word that happens to be listed (a first name, a town, "Mine") would prove nothing.
    assume(not set(words_of(" ".join(words))) & (FIRST_NAMES | SURNAMES | NOT_PERSON_WORDS | SENTENCE_STARTERS))
    return " ".join(words)


def words_of(name: str) -> list[str]:
    """The words of a name that must go (an initial alone is no one's name)."""
    return [word for word in name.replace("-", " ").split() if not word.endswith(".")]


@settings(max_examples=400, deadline=None)
@given(unlisted_names(), SENTENCES)
def test_a_capitalised_name_on_no_list_is_removed_wherever_it_stands(name, sentence):
    before, after = sentence
    text = f"{before}{name}{after}"
    redacted = redact(text)
    assert "[navn]" in redacted, (text, redacted)
    for word in words_of(name):
        assert word not in redacted, (text, redacted)
    assert after.removeprefix("s").strip(" .,") in redacted, "the rest of the sentence stays"
    if before.startswith("Derfor"):
        assert redacted.startswith("Derfor [navn] skrev"), redacted


def case_variants(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([name, name.upper(), name.lower(), name.title()])


@settings(max_examples=300, deadline=None)
@given(unlisted_names(), SENTENCES, st.data())
def test_the_names_of_people_known_to_the_case_go_in_full_in_any_case_and_in_part(name, sentence, data):
    before, after = sentence
    full = data.draw(case_variants(name), label="full name as written")
    part = data.draw(st.sampled_from(words_of(name)), label="one part alone")
    text = f"{before}{full}{after} Senere skrev {part} igen, og {part}s svar kom."
    redacted = redact(text, names=[name])
    for word in words_of(name):
        assert word not in redacted and word.upper() not in redacted and word.lower() not in redacted, (
            text,
            redacted,
        )
    assert "skrev [navn] igen, og [navn] svar kom." in redacted, redacted


@settings(max_examples=100, deadline=None)
@given(unlisted_names(), unlisted_names())
def test_a_representative_named_beside_the_citizen_goes_too(citizen, representative):
    text = f"Jeg er {representative.split()[0]}, og jeg skriver for min mor, {citizen}."
    redacted = redact(text, names=[citizen, representative])
    assert redacted == "Jeg er [navn], og jeg skriver for min mor, [navn].", (text, redacted)


PLACES = ["Holbæk", "Tølløse", "Jyderup", "Svinninge", "Mørkøv", "Tuse", "Vipperød", "Kundby", "Nykøbing", "Roskilde"]
INSTITUTIONS = [
    "Kommune",
    "Rådhus",
    "Bibliotek",
    "Station",
    "Havn",
    "Sygehus",
    "Borgerservice",
    "Jobcenter",
    "Plejecenter",
    "Friskole",
    "Hallen",
    "Kirke",
]
COMPOUNDS = ["Stenhus", "Bakkegård", "Ahorn", "Solsikke", "Kildebjerg", "Ladegård"]
COMPOUND_ENDINGS = ["skolen", "centret", "huset", "rådet", "udvalget", "foreningen", "vej", "gade", "allé", "plejen"]


@st.composite
def not_people(draw) -> str:
    """Proper names that are not people's: a town's institution, an institution called after a place, a
    weekday or month with a word, or a place with a compass word."""
    form = draw(st.sampled_from(["town", "compound", "day", "compass"]))
    if form == "town":
        return f"{draw(st.sampled_from(PLACES))} {draw(st.sampled_from(INSTITUTIONS))}"
    if form == "compound":
        place = draw(st.sampled_from(PLACES))
        return f"{draw(st.sampled_from(COMPOUNDS))}{draw(st.sampled_from(COMPOUND_ENDINGS))} i {place}"
    if form == "day":
        day = draw(st.sampled_from(["Mandag", "Fredag", "Søndag", "Juni", "December", "Påske"]))
        return f"{day} {draw(st.sampled_from(['Morgen', 'Aften', *PLACES]))}"
    return f"{draw(st.sampled_from(['Nørre', 'Vester', 'Store', 'Lille', 'Østre']))} {draw(st.sampled_from(PLACES))}"


@settings(max_examples=300, deadline=None)
@given(not_people(), st.sampled_from([("", " har lukket i sommer."), ("Vi var på ", " i går."), ("Derfor ", ".")]))
def test_places_institutions_and_days_stay(phrase, sentence):
    before, after = sentence
    text = f"{before}{phrase}{after}"
    assert redact(text) == text
