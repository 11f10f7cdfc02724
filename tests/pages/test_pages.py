"""The footer's fixed pages: seeded, edited by administrators, shown in the structure of the model statement."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from pages.models import AccessibilityStatement, PrivacyNotice

pytestmark = pytest.mark.django_db

seed = importlib.import_module("pages.migrations.0002_seed_texts").seed


@pytest.fixture(autouse=True)
def seeded():
    """The texts the migration seeds (tests build their database from the models, without migrations)."""
    seed(django_apps, None)


def test_every_page_links_the_privacy_notice_and_the_accessibility_statement_in_its_footer(client):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index("<footer>") :]
    assert reverse("pages:privacy") in footer
    assert reverse("pages:accessibility") in footer
    assert "Kanalstræde 2, 4300 Holbæk" in footer


def test_the_seeded_statement_has_the_model_statements_parts(client):
    html = client.get(reverse("pages:accessibility")).content.decode()
    for heading in [
        "Overholdelsesstatus",
        "Ikke-tilgængeligt indhold",
        "a) Manglende overholdelse af lovgivningen",
        "b) Uforholdsmæssig stor byrde",
        "c) Indholdet er ikke omfattet af lovgivningen",
        "Udarbejdelse af denne tilgængelighedserklæring",
        "Feedback og kontaktoplysninger",
        "Håndhævelsesprocedure",
    ]:
        assert f">{heading}</h" in html, heading
    assert "Delvist i overensstemmelse" not in html  # said in a sentence, lower case
    assert "delvist i overensstemmelse med webtilgængelighedsloven" in html


def test_the_newest_statement_an_administrator_writes_is_shown_as_sanitised_markdown(client):
    AccessibilityStatement.objects.create(
        compliance=AccessibilityStatement.Compliance.FULL,
        not_compliant="",
        prepared_on=datetime.date(2027, 1, 15),
        method="Vurderet af **en ekstern** konsulent. <script>alert(1)</script>",
        feedback="Skriv til os.",
        contact_email="web@kommune.example.dk",
    )
    html = client.get(reverse("pages:accessibility")).content.decode()
    assert "fuldt ud i overensstemmelse" in html
    assert "<strong>en ekstern</strong>" in html
    assert "<script>alert(1)" not in html
    assert "15. januar 2027" in html
    assert "mailto:web@kommune.example.dk" in html


def test_the_privacy_notice_and_its_english_page(client):
    PrivacyNotice.objects.create(body="### Ny politik\nVi gemmer kun det nødvendige.")
    html = client.get(reverse("pages:privacy")).content.decode()
    assert "Vi gemmer kun det nødvendige." in html
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "<h1>Privacy notice</h1>" in client.get(reverse("pages:privacy")).content.decode()
