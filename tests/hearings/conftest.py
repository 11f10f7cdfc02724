"""Fixtures for hearings: councils with members, the department behind a hearing, and hearings in each state.

A hearing's state follows from its dates; a test that needs "after the deadline" moves the dates of a published
hearing into the past (as the calendar would), which the services do not allow a person to do.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Council, CouncilMembership
from hearings import services
from hearings.models import Hearing
from ideas.models import Association, AssociationMembership
from tests.conftest import make_user


@pytest.fixture
def elder_council(db) -> Council:
    return Council.objects.create(name="Ældrerådet", slug="aeldreraadet")


@pytest.fixture
def disability_council(db) -> Council:
    return Council.objects.create(name="Handicaprådet", slug="handicapraadet")


@pytest.fixture
def elder_member(elder_council):
    user = make_user("aeldreraad@example.dk", "Grethe Olsen")
    CouncilMembership.objects.create(user=user, council=elder_council, role=CouncilMembership.Role.CHAIR)
    return user


@pytest.fixture
def disability_member(disability_council):
    user = make_user("handicapraad@example.dk", "Peter Lund")
    CouncilMembership.objects.create(user=user, council=disability_council)
    return user


@pytest.fixture
def association(other_citizen) -> Association:
    found = Association.objects.create(name="Holbæk Ungdomsråd", slug="holbaek-ungdomsraad")
    AssociationMembership.objects.create(association=found, user=other_citizen)
    return found


@pytest.fixture
def staff(caseworker):
    """A member of the department behind the hearings (Familiecentret)."""
    return caseworker


@pytest.fixture
def make_hearing(committee, family, staff):
    def make(*, sections=2, publish=True, invite=(), **overrides) -> Hearing:
        today = timezone.localdate()
        fields = {
            "actor": staff,
            "committee": committee,
            "department": family,
            "title": "Forslag til ny dialogmodel",
            "summary": "Kommunen foreslår en ny måde at tale med borgerne på, før der træffes afgørelse.",
            "starts_on": today - timedelta(days=2),
            "ends_on": today + timedelta(days=10),
            "case_number": "13/37262",
            **overrides,
        }
        hearing = services.create_hearing(**fields)
        for number in range(1, sections + 1):
            services.add_section(
                actor=staff, hearing=hearing, title=f"Afsnit om emne {number}", body=f"Udkastets tekst nr. {number}."
            )
        for party in invite:
            key = "council" if isinstance(party, Council) else "association"
            services.invite(actor=staff, hearing=hearing, **{key: party})
        if publish:
            hearing = services.publish_hearing(actor=staff, hearing=hearing)
        return hearing

    return make


@pytest.fixture
def open_hearing(make_hearing, elder_council, disability_council) -> Hearing:
    return make_hearing(invite=[elder_council, disability_council])


def past_deadline(hearing: Hearing) -> Hearing:
    """The calendar moves on: the hearing's deadline was yesterday."""
    today = timezone.localdate()
    Hearing.objects.filter(id=hearing.id).update(
        starts_on=today - timedelta(days=20), ends_on=today - timedelta(days=1)
    )
    hearing.refresh_from_db()
    return hearing


def conclude(hearing: Hearing, staff) -> Hearing:
    """Write the notat on every section and publish it."""
    hearing = past_deadline(hearing) if not hearing.deadline_passed else hearing
    services.write_note_summary(actor=staff, hearing=hearing, note_summary="Ældrerådet og to borgere har svaret.")
    for section in hearing.sections.all():
        services.write_section_note(
            actor=staff,
            section=section,
            summary=f"Svarene om afsnit {section.number} bakker op.",
            comment="Afdelingen er enig.",
            changes_draft=section.number == 1,
        )
    return services.publish_note(actor=staff, hearing=hearing)


@pytest.fixture(autouse=True)
def remove_stored_files(db):
    """Files a test stored are removed from disk with its rollback — only those, not the session's demo files."""
    from committees.models import Attachment
    from hearings.models import Answer, HearingFile

    kinds = [HearingFile.objects.all(), Answer.objects.exclude(file=""), Attachment.objects.all()]
    before = [set(stored.values_list("id", flat=True)) for stored in kinds]
    yield
    for stored, ids in zip(kinds, before, strict=True):
        for row in stored.exclude(id__in=ids):
            row.file.delete(save=False)


@pytest.fixture(autouse=True)
def in_danish():
    """Messages are asserted in Danish, whatever language an earlier request in the thread left active."""
    from django.utils import translation

    with translation.override("da"):
        yield
