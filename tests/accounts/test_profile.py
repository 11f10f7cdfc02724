"""Journey 1 of issue 9: the language switch works once logged in, and Min profil changes language, e-mail,
phone and postcode through one service (accounts.services.update_profile)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import services
from accounts.models import User
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_switch_sets_a_logged_in_citizens_preference_and_the_next_page_follows_it(client, citizen):
    client.force_login(citizen)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("complaints:list")})
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.preferred_language == "en"
    page = client.get(reverse("complaints:list"))
    assert '<html lang="en" class="no-js">' in page.content.decode()
    client.post(reverse("set_language"), {"language": "da", "next": "/"})
    citizen.refresh_from_db()
    assert citizen.preferred_language == "da"
    assert '<html lang="da" class="no-js">' in client.get(reverse("complaints:list")).content.decode()


def test_the_switch_for_someone_logged_out_only_sets_the_cookie(client, citizen):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    citizen.refresh_from_db()
    assert citizen.preferred_language == "da"


def test_a_language_the_site_does_not_offer_changes_nothing(client, citizen):
    client.force_login(citizen)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    citizen.refresh_from_db()
    assert citizen.preferred_language == "da"


def test_the_switch_is_a_post(client, citizen):
    client.force_login(citizen)
    opened = client.get(reverse("set_language"))
    assert opened.status_code == 302  # back to a page with the form, not a blank 405 (tests/core/test_error_pages.py)
    citizen.refresh_from_db()
    assert citizen.preferred_language == "da"


def test_the_profile_page_changes_language_phone_email_and_postcode(client, citizen):
    client.force_login(citizen)
    page = client.get(reverse("profile"))
    assert page.status_code == 200
    assert 'value="borger@example.dk"' in page.content.decode()
    data = {"preferred_language": "en", "email": "Mette@Example.dk ", "phone": "12 34 56 78", "postcode": "4300"}
    response = client.post(reverse("profile"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("profile")
    assert "Your details have been saved." in response.content.decode()
    citizen.refresh_from_db()
    assert (citizen.preferred_language, citizen.email, citizen.phone, citizen.postcode) == (
        "en",
        "mette@example.dk",
        "12 34 56 78",
        "4300",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12", "Skriv et telefonnummer med mindst 8 cifre"),
        ("postcode", "43", "Et postnummer er fire cifre"),
        ("email", "ikke-en-mail", "Angiv en gyldig e-mailadresse"),
        ("email", "x@borger.invalid", "Skriv din egen e-mailadresse"),
        ("email", "borger2@example.dk", "Der findes allerede en konto med denne e-mail"),
        ("preferred_language", "xx", "Marker en gyldig valgmulighed"),
    ],
)
def test_bad_input_is_refused_with_a_danish_message(client, citizen, other_citizen, field, value, message):
    client.force_login(citizen)
    data = {"preferred_language": "da", "email": citizen.email, "phone": "", "postcode": "", field: value}
    response = client.post(reverse("profile"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.get(id=citizen.id).email == "borger@example.dk"


def test_too_long_fields_get_an_error_not_a_cut(citizen):
    with pytest.raises(ValidationError) as error:
        services.update_profile(user=citizen, preferred_language="da", phone="1" * 31, email=citizen.email, postcode="")
    assert "højst være på 30 tegn" in str(error.value.message_dict["phone"])


def test_an_employee_keeps_the_email_her_login_knows_her_by(client, caseworker):
    client.force_login(caseworker)
    page = client.get(reverse("profile")).content.decode()
    assert "kan ikke ændres her" in page
    # The disabled field ignores what is posted; the service refuses it at any door.
    data = {"preferred_language": "en", "email": "ny@example.dk", "phone": "", "postcode": ""}
    assert client.post(reverse("profile"), data).status_code == 302
    caseworker.refresh_from_db()
    assert (caseworker.email, caseworker.preferred_language) == ("sagsbehandler@example.dk", "en")
    with pytest.raises(ValidationError) as error:
        services.update_profile(user=caseworker, preferred_language="da", phone="", email="ny@example.dk", postcode="")
    assert "email" in error.value.message_dict


def test_the_profile_needs_a_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_a_postcode_set_on_the_profile_is_what_budget_eligibility_reads(citizen):
    services.update_profile(user=citizen, preferred_language="da", phone="", email=citizen.email, postcode="4300")
    assert User.objects.get(id=citizen.id).postcode == "4300"
    make_user("nabo@example.dk", "Nabo", postcode="4300")
    assert User.objects.filter(postcode="4300").count() == 2


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_language_is_named_in_its_own_language(client, citizen, language):
    citizen.preferred_language = language
    citizen.save(update_fields=["preferred_language"])
    client.force_login(citizen)
    html = client.get(reverse("profile")).content.decode()
    labels = [
        label.strip()
        for label in re.findall(r'<label class="form-label" for="id_preferred_language_\d">([^<]*)<', html)
    ]
    assert labels == ["Dansk", "English"]
