"""Redaction removes every kind of personal data from excerpts, with Danish examples, and leaves the rest."""

import pytest
from django.utils import translation

from themes.redaction import excerpt, redact


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.mark.parametrize(
    "text",
    [
        "Mit CPR-nummer er 010190-1234.",
        "Mit CPR-nummer er 0101901234.",
        "cpr 311299-4321 står i brevet",
        "CPR-nr.: 150875 1234",
        "Min datters personnummer er 2902121234, og min søns er 010516-5678.",
    ],
)
def test_cpr_numbers_with_and_without_the_dash_are_removed(text):
    redacted = redact(text)
    assert "[cpr-nr.]" in redacted
    assert not any(ch.isdigit() for ch in redacted)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring på 12345678.", "12345678"),
        ("Ring på 12 34 56 78 efter kl. 15.", "12 34 56 78"),
        ("Mit nummer er +45 12 34 56 78.", "+45 12 34 56 78"),
        ("Mit nummer er +4512345678.", "+4512345678"),
        ("Tlf. 0045 87654321", "0045 87654321"),
        ("Tlf.: 2233 4455", "2233 4455"),
        ("mobil 22-33-44-55", "22-33-44-55"),
    ],
)
def test_danish_phone_numbers_are_removed(text, number):
    redacted = redact(text)
    assert number not in redacted
    assert "[telefon]" in redacted


@pytest.mark.parametrize(
    "address",
    [
        "Smedelundsgade 12, 2. tv., 4300 Holbæk",
        "Ahornvej 3",
        "Bakkegårdsvænget 14B",
        "Strandstræde 7, st. th.",
        "Jernbane Allé 3, 1. sal",
        "Elmeallé 22",
        "Torvet 3",
        "Kongens Nytorv 2, 1050 København K",
        "H.C. Andersens Boulevard 27, 1553 København V",
        "Tveje Merløsevej 15",
        "Rådhuspladsen 1",
        "Gl. Kongevej 10, 3. th.",
    ],
)
def test_street_addresses_are_removed(address):
    redacted = redact(f"Jeg bor på {address}, og vejen er fuld af huller.")
    assert redacted.startswith("Jeg bor på [adresse]")
    assert not any(ch.isdigit() for ch in redacted)
    assert "og vejen er fuld af huller." in redacted


@pytest.mark.parametrize(
    "email", ["mette.hansen@mail.dk", "ali+klage@example.com", "borger_22@holbaek.dk", "K.Munk@kommune.example.dk"]
)
def test_email_addresses_are_removed(email):
    assert redact(f"Skriv til {email} i stedet.") == "Skriv til [e-mail] i stedet."


def test_names_of_the_people_known_for_the_item_are_removed_in_full_and_in_part():
    text = "Ali Rahimi har talt med Jepsen. Tina sagde, at Alis sag var lukket. ALI RAHIMI klager igen."
    redacted = redact(text, names=["Ali Rahimi", "Tina Jepsen"])
    for part in ("Ali", "Rahimi", "Tina", "Jepsen", "ALI"):
        assert part not in redacted
    assert redacted == "[navn] har talt med [navn]. [navn] sagde, at [navn] sag var lukket. [navn] klager igen."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeg hedder Sigrid Brandt og bor i Tølløse.", "Jeg hedder [navn] og bor i Tølløse."),
        ("Min sagsbehandler Halfdan har ikke svaret.", "Min sagsbehandler [navn] har ikke svaret."),
        ("Lederen Birgitte Sørensen sagde nej.", "Lederen [navn] sagde nej."),
        ("Med venlig hilsen\nAgnete Bruun", "Med venlig hilsen\n[navn]"),
        ("Mvh. Villads", "Mvh. [navn]"),
        ("Vi ringede til fru Bruun i går.", "Vi ringede til fru [navn] i går."),
        ("Min søn Emil går i 3. klasse.", "Min søn [navn] går i 3. klasse."),
        ("Jeg har talt med Ebbe Skovgaard fra kommunen.", "Jeg har talt med [navn] fra kommunen."),
        ("Kære Karen Munk", "Kære [navn]"),
    ],
)
def test_names_after_danish_cues_are_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mette og Lars Nielsen har klaget før.", "[navn] har klaget før."),
        ("Det var Mohammad Hussein, der ringede.", "Det var [navn], der ringede."),
        ("Det er Jensen, der larmer.", "Det er [navn], der larmer."),
        ("Sigurd Bundgaard og Ib Dalsgaard kom.", "[navn] kom."),
    ],
)
def test_common_danish_names_are_removed_without_cues(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sagsnummer 13/37262 fra mødet den 24.03.2015 kl. 16.00.",
        "Tilskuddet var på 1.250.000 kr., og vi har ventet i 12 uger.",
        "Holbæk Kommune har lukket Borgerservice i Tølløse.",
        "Der er huller i vejen på Kalundborgvej, og vejarbejdet har stået i 16 uger.",
        "Bilerne kører den vej 3 gange om dagen.",
        "Afslag på tilskud til briller efter § 66 i retssikkerhedsloven.",
        "SFO'en lukker klokken 16, og Stenhusskolen gør ingenting.",
    ],
)
def test_text_without_personal_data_is_left_alone(text):
    assert redact(text) == text


def test_a_whole_danish_complaint_keeps_its_subject_and_loses_every_person():
    text = (
        "Kære Tina Jepsen\n"
        "Jeg hedder Mette Hansen og bor på Ahornvej 12, 1. th., 4300 Holbæk. Min datter Ida går på "
        "Stenhusskolen, og hun får ikke den støtte, hun har ret til. Ring på 23 45 67 89 eller skriv til "
        "mette.h@mail.dk. Mit CPR-nummer er 120385-1234.\n"
        "Med venlig hilsen\nMette Hansen"
    )
    redacted = redact(text, names=["Mette Hansen", "Tina Jepsen"])
    for personal in ("Tina", "Jepsen", "Mette", "Hansen", "Ahornvej", "Ida", "23 45", "mail.dk", "120385"):
        assert personal not in redacted
    assert "Stenhusskolen" in redacted
    assert "den støtte, hun har ret til" in redacted


def test_excerpt_is_redacted_before_it_is_shortened():
    text = "Der er huller i vejen. " * 10 + "Ring på 12 34 56 78."
    short = excerpt(text, length=60)
    assert len(short) <= 62
    assert short.endswith("…")
    long_number_cut = excerpt("Ring til mig på 12 34 56 78 i morgen", length=25)
    assert "12" not in long_number_cut


def test_excerpt_joins_lines():
    assert excerpt("Med venlig hilsen\nMette Hansen") == "Med venlig hilsen [navn]"


def test_placeholders_follow_the_language():
    with translation.override("en"):
        assert redact("Ring til Mette Hansen på 12345678.") == "Ring til [name] på [phone]."
