"""Input no field can keep is a 400 with a clear message at the edge, never a 500 from the database."""

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/ideas/?board=%00", "/api/boards/?q=a%00b", "/idetavler/?q=%00", "/%00/"])
def test_a_nul_character_in_the_path_or_query_is_refused(url):
    answer = Client().get(url)
    assert answer.status_code == 400
    assert "nul-tegn" in answer.content.decode()


def test_a_nul_character_in_a_form_field_is_refused_before_the_view(citizen):
    client = Client()
    client.force_login(citizen)
    answer = client.post("/accounts/login/", {"username": "a\x00b", "password": "x"})
    assert answer.status_code == 400
    assert "nul-tegn" in answer.content.decode()


def test_the_refusal_is_in_english_for_an_english_reader():
    answer = Client().get("/api/ideas/?board=%00", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert "cannot be used" in answer.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        '{"title": "a\\u0000b"}',  # NUL
        '{"title": "\\ud800"}',  # a lone surrogate
        '{"\\ud800": "x"}',  # in a key
        "[" * 40 + "]" * 40,  # deeper than the cap
        "[" * 100000 + "]" * 100000,  # deeper than Python's recursion limit
    ],
    ids=["nul", "surrogate", "surrogate-key", "deep", "very-deep"],
)
def test_json_bodies_no_field_can_keep_are_refused(api, citizen, body):
    answer = api(citizen).post("/api/ideas/", data=body, content_type="application/json")
    assert answer.status_code == 400
    assert "detail" in answer.json()


def test_json_within_the_depth_cap_is_parsed_as_usual(api, citizen):
    nested = json.dumps({"title": [[[["x"]]]]})
    answer = api(citizen).post("/api/ideas/", data=nested, content_type="application/json")
    assert answer.status_code == 400  # a field error from the serializer, not a parse error
    assert "detail" not in answer.json()


@pytest.mark.parametrize("query", ["limit=" + "9" * 30, "offset=" + "9" * 30, "limit=" + "9" * 5000, "limit=-1"])
def test_page_sizes_and_offsets_are_capped(query):
    answer = APIClient().get(f"/api/boards/?{query}")
    assert answer.status_code == 200
    assert len(answer.json()["results"]) <= 200


def test_the_schema_says_which_fields_may_be_null():
    schema = APIClient().get("/api/schema/?format=json").json()["components"]["schemas"]
    assert schema["ComplaintDetail"]["properties"]["caseworker"]["nullable"] is True
    assert schema["Idea"]["properties"]["association"]["nullable"] is True


@pytest.mark.parametrize(("language", "heading"), [("da", "Siden findes ikke"), ("en", "Page not found")])
def test_a_missing_page_is_answered_in_the_products_look_and_the_readers_language(language, heading):
    answer = Client().get("/findes-ikke/", HTTP_ACCEPT_LANGUAGE=language)
    assert answer.status_code == 404
    page = answer.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert 'href="/"' in page
