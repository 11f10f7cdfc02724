"""Error answers a person meets are pages of the product, in her language, with a way back (issue 9, journey 3):
a form-only address opened directly leads back to the page with the form; another method gets the 405 page."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_form_only_address_opened_directly_leads_back_to_the_page_with_the_form(client, routed_complaint, caseworker):
    client.force_login(caseworker)
    address = f"/klager/{routed_complaint.id}/afslut/"
    answer = client.get(address, follow=True)
    assert answer.redirect_chain == [(f"/klager/{routed_complaint.id}/", 302)]
    assert answer.status_code == 200
    assert "Siden bruges kun, når du sender en formular" in answer.content.decode()
    routed_complaint.refresh_from_db()
    assert routed_complaint.status != "closed"  # opening the address changed nothing


def test_climbing_past_addresses_the_product_does_not_answer_ends_on_a_page(client, citizen):
    client.force_login(citizen)
    answer = client.get("/i18n/setlang/", follow=True)
    assert answer.status_code == 200
    assert answer.redirect_chain[-1][0] == "/"


def test_another_method_on_a_page_gets_the_405_page_in_the_readers_language(routed_complaint, caseworker):
    caseworker.preferred_language = "en"
    caseworker.save(update_fields=["preferred_language"])
    client = Client()
    client.force_login(caseworker)
    answer = client.delete(f"/klager/{routed_complaint.id}/afslut/")
    assert answer.status_code == 405
    assert answer["Allow"]
    assert "<h1>This action cannot be used here</h1>" in answer.content.decode()


def test_the_api_keeps_its_405_for_programs(api, citizen):
    answer = api(citizen).get("/api/auth/logout/")
    assert answer.status_code == 405
    assert answer["Content-Type"].startswith("application/json")
