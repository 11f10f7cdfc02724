"""The API intake's 400 answers, word for word, in Danish and in English: the table was taken from the answers of
the intake before issue 15 made its validation cheaper, so the same bad input keeps getting the same error (the
serializer's field rules, the service's rules, the body's shape) and changes nothing."""

import pytest

from complaints.models import Complaint
from tests.complaints.payloads import VALID_PAYLOAD

pytestmark = pytest.mark.django_db

# (field, value sent, Danish error, English error); the answer is {field: [error]} (a list's item errors by index).
BAD_FIELDS = [
    ("kind", "complaint", '"complaint" er ikke et gyldigt valg.', '"complaint" is not a valid choice.'),
    ("kind", "", '"" er ikke et gyldigt valg.', '"" is not a valid choice.'),
    ("kind", None, "Dette felt må ikke være null.", "This field may not be null."),
    ("kind", 5, '"5" er ikke et gyldigt valg.', '"5" is not a valid choice.'),
    (
        "department",
        "no-such-department",
        "Object med slug=no-such-department findes ikke.",
        "Object with slug=no-such-department does not exist.",
    ),
    ("department", "", "Dette felt må ikke være null.", "This field may not be null."),
    ("department", None, "Dette felt må ikke være null.", "This field may not be null."),
    (
        "department",
        "borgerservice",
        "Object med slug=borgerservice findes ikke.",
        "Object with slug=borgerservice does not exist.",
    ),
    ("department", 5, "Object med slug=5 findes ikke.", "Object with slug=5 does not exist."),
    ("department", ["a"], "Object med slug=['a'] findes ikke.", "Object with slug=['a'] does not exist."),
    ("subject", "", "Dette felt må ikke være tomt.", "This field may not be blank."),
    (
        "subject",
        "x" * 201,
        "Tjek at dette felt ikke indeholder flere end 200 tegn.",
        "Ensure this field has no more than 200 characters.",
    ),
    (
        "subject",
        "ab",
        "Denne værdi skal have mindst 3 tegn (den har 2).",
        "Ensure this value has at least 3 characters (it has 2).",
    ),
    ("subject", ["a", "list"], "Ikke en gyldig tekst.", "Not a valid string."),
    ("subject", None, "Dette felt må ikke være null.", "This field may not be null."),
    ("subject", "   ", "Dette felt må ikke være tomt.", "This field may not be blank."),
    ("description", "", "Dette felt må ikke være tomt.", "This field may not be blank."),
    (
        "description",
        "for kort",
        "Denne værdi skal have mindst 10 tegn (den har 8).",
        "Ensure this value has at least 10 characters (it has 8).",
    ),
    (
        "description",
        "x" * 10001,
        "Tjek at dette felt ikke indeholder flere end 10000 tegn.",
        "Ensure this field has no more than 10000 characters.",
    ),
    (
        "case_number",
        "13-37262",
        "Skriv sagsnummeret som to cifre, skråstreg og løbenummer, fx 13/37262.",
        "Write the case number as two digits, a slash and a serial number, e.g. 13/37262.",
    ),
    (
        "case_number",
        "x" * 21,
        "Tjek at dette felt ikke indeholder flere end 20 tegn.",
        "Ensure this field has no more than 20 characters.",
    ),
    ("case_number", None, "Dette felt må ikke være null.", "This field may not be null."),
    (
        "decision_date",
        "24-03-2015",
        "Dato har et forkert format. Brug i stedet et af disse formater: YYYY-MM-DD.",
        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    ),
    (
        "decision_date",
        42,
        "Dato har et forkert format. Brug i stedet et af disse formater: YYYY-MM-DD.",
        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    ),
    (
        "decision_date",
        "2026-02-30",
        "Dato har et forkert format. Brug i stedet et af disse formater: YYYY-MM-DD.",
        "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
    ),
    (
        "desired_outcome",
        "x" * 4001,
        "Tjek at dette felt ikke indeholder flere end 4000 tegn.",
        "Ensure this field has no more than 4000 characters.",
    ),
    ("contact_channel", "pigeon", '"pigeon" er ikke et gyldigt valg.', '"pigeon" is not a valid choice.'),
    ("contact_channel", "", '"" er ikke et gyldigt valg.', '"" is not a valid choice.'),
    (
        "phone",
        "12ab",
        "Skriv et telefonnummer med mindst 8 cifre, fx 12 34 56 78.",
        "Enter a phone number with at least 8 digits, e.g. 12 34 56 78.",
    ),
    (
        "phone",
        "",
        "Skriv dit telefonnummer, når du vil kontaktes på telefon.",
        "Enter your phone number when you want to be contacted by phone.",
    ),
    (
        "phone",
        "x" * 31,
        "Tjek at dette felt ikke indeholder flere end 30 tegn.",
        "Ensure this field has no more than 30 characters.",
    ),
    (
        "contact_time",
        "x" * 201,
        "Tjek at dette felt ikke indeholder flere end 200 tegn.",
        "Ensure this field has no more than 200 characters.",
    ),
    ("notify_about_decisions", "maybe", "Skal være sand eller falsk.", "Must be a valid boolean."),
    ("notify_about_decisions", None, "Dette felt må ikke være null.", "This field may not be null."),
    (
        "decision_file",
        "abc",
        "Det medsendte data var ikke en fil. Tjek typen af indkodning på formularen.",
        "The submitted data was not a file. Check the encoding type on the form.",
    ),
    (
        "documents",
        "abc",
        'Forventede en liste, men fik noget af typen "str".',
        'Expected a list of items but got type "str".',
    ),
    (
        "documents",
        ["abc"],
        {"0": ["Det medsendte data var ikke en fil. Tjek typen af indkodning på formularen."]},
        {"0": ["The submitted data was not a file. Check the encoding type on the form."]},
    ),
    ("documents", None, "Dette felt må ikke være null.", "This field may not be null."),
]
REQUIRED = ["kind", "department", "subject", "description", "contact_channel"]


@pytest.fixture
def clients(api, citizen, english_citizen, family, borgerservice):
    """Her client in Danish and in English; Borgerservice takes no complaints."""
    return {"da": api(citizen), "en": api(english_citizen)}


def _error(body):
    return body if isinstance(body, dict) else [body]


@pytest.mark.parametrize(("field", "value", "danish", "english"), BAD_FIELDS)
def test_a_bad_field_gets_the_same_error_as_before(clients, field, value, danish, english):
    for language, error in (("da", danish), ("en", english)):
        response = clients[language].post("/api/complaints/", {**VALID_PAYLOAD, field: value}, format="json")
        assert (response.status_code, response.json()) == (400, {field: _error(error)}), language
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("field", REQUIRED)
def test_a_missing_field_is_required(clients, field):
    payload = {name: value for name, value in VALID_PAYLOAD.items() if name != field}
    for language, error in (("da", "Dette felt er påkrævet."), ("en", "This field is required.")):
        response = clients[language].post("/api/complaints/", payload, format="json")
        assert (response.status_code, response.json()) == (400, {field: [error]}), language
    assert not Complaint.objects.exists()


def test_several_bad_fields_are_answered_together_in_the_fields_order(clients):
    payload = {**VALID_PAYLOAD, "kind": "x", "subject": "", "phone": "12ab", "decision_date": "nope"}
    response = clients["da"].post("/api/complaints/", payload, format="json")
    assert response.status_code == 400
    assert list(response.json().items()) == [
        ("kind", ['"x" er ikke et gyldigt valg.']),
        ("subject", ["Dette felt må ikke være tomt."]),
        ("decision_date", ["Dato har et forkert format. Brug i stedet et af disse formater: YYYY-MM-DD."]),
    ]


def test_a_body_that_is_no_object(clients):
    for language, error in (
        ("da", "Ugyldig data. Forventede en dictionary, men fik list."),
        ("en", "Invalid data. Expected a dictionary, but got list."),
    ):
        response = clients[language].post("/api/complaints/", [VALID_PAYLOAD], format="json")
        assert (response.status_code, response.json()) == (400, {"non_field_errors": [error]}), language


def test_multipart_gets_the_same_errors(clients):
    """A form post (the intake with files) is read by the same fields: the field's rules first, then the service's."""
    client = clients["en"]
    payload = {**VALID_PAYLOAD, "subject": "x" * 201, "description": "short"}
    response = client.post("/api/complaints/", payload, format="multipart")
    assert (response.status_code, response.json()) == (
        400,
        {"subject": ["Ensure this field has no more than 200 characters."]},
    )
    response = client.post(
        "/api/complaints/", {**VALID_PAYLOAD, "notify_about_decisions": "maybe", "kind": ""}, format="multipart"
    )
    assert (response.status_code, response.json()) == (
        400,
        {"kind": ['"" is not a valid choice.'], "notify_about_decisions": ["Must be a valid boolean."]},
    )
    assert not Complaint.objects.exists()
