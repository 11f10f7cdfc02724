"""Writes of the classification: importing the municipality's KLE files."""

from dataclasses import dataclass

from django.db import transaction

from classification.kle_xml import Entry, read_kle_file
from classification.models import KleFacet, KleNumber

LEVELS = {"Hovedgruppe": KleNumber.Level.MAIN_GROUP, "Gruppe": KleNumber.Level.GROUP, "Emne": KleNumber.Level.SUBJECT}


@dataclass(frozen=True)
class ImportResult:
    numbers: int
    facets: int
    retired: int


def import_kle(*, files: list[bytes]) -> ImportResult:
    """Import the municipality's KLE files (emneplan and/or handlingsfacetter), all or nothing.

    Every file is read and checked before anything is written (ValidationError in Danish for a bad one). A
    number already imported gets the file's title; a number the new file no longer has is kept, marked
    not in force, since cases may carry it.
    """
    read = [read_kle_file(content) for content in files]
    numbers = facets = retired = 0
    with transaction.atomic():
        for kind, entries in read:
            if kind == "KLE-Emneplan":
                numbers += _store(KleNumber, entries, extra=lambda entry: {"level": LEVELS[entry.tag]})
                retired += KleNumber.objects.exclude(number__in=[e.number for e in entries]).update(active=False)
            else:
                facets += _store(KleFacet, entries, parent_field="category")
                retired += KleFacet.objects.exclude(number__in=[e.number for e in entries]).update(active=False)
    return ImportResult(numbers=numbers, facets=facets, retired=retired)


def _store(model, entries: list[Entry], *, parent_field: str = "parent", extra=lambda entry: {}) -> int:
    stored: dict[str, object] = {}
    for entry in entries:  # parents come before their children
        stored[entry.number], _created = model.objects.update_or_create(
            number=entry.number,
            defaults={
                "title": entry.title,
                "active": entry.active,
                parent_field: stored[entry.parent] if entry.parent else None,
                **extra(entry),
            },
        )
    return len(stored)
