"""Redaction against generated corpora (Hypothesis): every common Danish spelling of a CPR number, an e-mail
address written to dodge a filter and a phone number, inside ordinary Danish sentences, is removed; numbers
that only look alike (a date that cannot be one, a case number, an amount) stay."""

import datetime

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from themes.redaction import redact

DASHES = ["-", "‐", "‑", "–", "—", "−"]
# Between the groups of a CPR number as people write them: nothing, blanks, a dash, a dot or a slash.
CPR_GAPS = st.sampled_from(["", " ", "  ", "\u00a0", *DASHES, *(f" {d} " for d in DASHES), ".", ". ", "/"])
SENTENCES = st.sampled_from(
    [
        ("Mit cpr er ", "."),
        ("Hun har personnummer ", " og bor i Holbæk."),
        ("", " står på brevet"),
        ("Se journal (", ") fra i går."),
        ("Min søns nummer: ", ", skriv det ikke videre."),
    ]
)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@st.composite
def cpr_spellings(draw) -> tuple[str, str]:
    born = draw(st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2025, 12, 31)))
    serial = draw(st.integers(min_value=0, max_value=9999))
    date_gap = draw(CPR_GAPS)
    if draw(st.booleans()):  # 15.05.85-4321: the date's parts apart too
        date = date_gap.join([f"{born.day:02}", f"{born.month:02}", f"{born.year % 100:02}"])
    else:
        date = born.strftime("%d%m%y")
    number = f"{date}{draw(CPR_GAPS)}{serial:04}"
    before, after = draw(SENTENCES)
    return f"{before}{number}{after}", f"{serial:04}"


@settings(max_examples=300, deadline=None)
@given(cpr_spellings())
def test_every_common_spelling_of_a_cpr_number_is_removed(case):
    text, serial = case
    redacted = redact(text)
    assert "[cpr-nr.]" in redacted, (text, redacted)
    assert serial not in redacted.replace(" ", ""), (text, redacted)


@st.composite
def obfuscated_emails(draw) -> str:
    local = draw(st.sampled_from(["mette", "jens.hansen", "m.k", "borger_42", "anne-marie"]))
    domain = draw(st.sampled_from(["privat", "hotmail", "gmail", "holbaek-net"]))
    tld = draw(st.sampled_from(["dk", "com", "net"]))
    at = draw(st.sampled_from(["@", "(at)", "[at]", " (at) ", " [snabel-a] ", " at ", " snabel-a ", "{at}"]))
    dot = draw(st.sampled_from([".", "(dot)", " [punktum] ", " dot ", "(punktum)"]))
    return f"{local}{at}{domain}{dot}{tld}"


@settings(max_examples=200, deadline=None)
@given(obfuscated_emails(), SENTENCES)
def test_an_email_written_to_dodge_a_filter_is_removed(address, sentence):
    before, after = sentence
    redacted = redact(f"{before}{address}{after}")
    assert "[e-mail]" in redacted, (address, redacted)
    assert not any(part in redacted for part in ("privat", "hotmail", "gmail", "holbaek-net")), redacted


@st.composite
def phone_spellings(draw) -> tuple[str, str]:
    digits = f"{draw(st.integers(min_value=2, max_value=9))}{draw(st.integers(min_value=0, max_value=9_999_999)):07}"
    pairs = [digits[i : i + 2] for i in range(0, 8, 2)]
    form = draw(st.sampled_from(["together", "pairs", "fours"]))
    if form == "together":
        number = digits
    elif form == "pairs":
        number = draw(st.sampled_from([" ", ".", "-", "/", "–"])).join(pairs)
    else:
        number = f"{digits[:4]}{draw(st.sampled_from([' ', '.', '-', '/']))}{digits[4:]}"
    prefix = draw(st.sampled_from(["", "+45 ", "+45", "0045 ", "(+45) "]))
    return f"{prefix}{number}", digits


@settings(max_examples=200, deadline=None)
@given(phone_spellings(), SENTENCES)
def test_a_phone_number_in_any_common_spelling_is_removed(case, sentence):
    number, digits = case
    before, after = sentence
    redacted = redact(f"{before}{number}{after}")
    assert "[telefon]" in redacted, (number, redacted)
    assert digits not in "".join(ch for ch in redacted if ch.isdigit()), redacted


@pytest.mark.parametrize(
    "text",
    [
        "Sagsnummer 13/37262 er på dagsordenen.",  # a case number, as on agenda items
        "Puljen er på 1.500.000 kr.",
        "Mødet 24.03.2015 kl. 16.00.",
        "Nummer 3213991234 er ikke et cpr-nummer, for den 32. findes ikke.",  # day 32: not a date
        "Bestillingsnummer 310299 1234",  # 31 February
    ],
)
def test_numbers_that_only_look_like_a_cpr_number_stay(text):
    assert "[cpr-nr.]" not in redact(text)
