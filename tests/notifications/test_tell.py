"""Telling a person (notifications.services.tell): a notice and an e-mail in her language, each stored once."""

from types import SimpleNamespace

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, gettext_noop

from notifications import services
from notifications.models import Email, Notice

pytestmark = pytest.mark.django_db

CONTEXT = {
    "task": SimpleNamespace(get_kind_display="Tidlig kontakt", due_at=timezone.now()),
    "complaint": SimpleNamespace(reference="K-2026-00001", subject="Emne"),
    "url": "/opgaver/",
}


def tell(user, key="k1", **fields):
    fields = {"title": gettext_lazy("Din anmodning om sletning er afgjort"), **fields}
    return services.tell(user=user, template="complaints/email/task_assigned.txt", context=CONTEXT, key=key, **fields)


def test_she_is_told_in_her_language_once_per_key(citizen, english_citizen):
    assert tell(english_citizen, key="k1")
    assert tell(citizen, key="k2")
    assert Notice.objects.get(user=english_citizen).title == "Your request for erasure has been decided"
    assert Notice.objects.get(user=citizen).title == "Din anmodning om sletning er afgjort"
    assert Email.objects.get(recipient=english_citizen).subject == "New task: K-2026-00001"
    assert Email.objects.get(recipient=citizen).subject == "Ny opgave: K-2026-00001"
    again = tell(english_citizen, key="k1")
    assert not again and again.notice is None and again.email is None
    assert Notice.objects.filter(dedupe_key="k1-notice").count() == 1
    assert Email.objects.filter(dedupe_key="k1-email").count() == 1


def test_a_msgid_with_values_and_functions_are_read_in_her_language(english_citizen):
    told = tell(
        english_citizen,
        title=gettext_noop("Du har fået en afgørelse i klage %(ref)s"),
        values={"ref": "K-2026-00001"},
        body=lambda: translation.get_language(),
        url="/klager/1/",
    )
    assert (told.notice.title, told.notice.body, told.notice.url) == (
        "You have received a decision on complaint K-2026-00001",
        "en",
        "/klager/1/",
    )
    typed = tell(english_citizen, key="k3", body="Udvalget har besluttet")  # text someone wrote stays as written
    assert typed.notice.body == "Udvalget har besluttet"


def test_her_language_is_her_choice_else_the_sites(citizen, english_citizen, settings):
    assert english_citizen.language == "en"
    citizen.preferred_language = ""
    assert citizen.language == settings.LANGUAGE_CODE == "da"
