"""Reading the XML files KL delivers: the emneplan (KLE-Emneplan) and the handlingsfacetter (KLE-Handlingsfacetter).

Only what the product uses is read: numbers, titles and whether a number has gone out of use
(…AdministrativInfo/Historisk/UdgaaetDato). Namespaces, if a file has them, are ignored. The parser is
defusedxml's, so a file cannot make the import fetch external entities or expand an entity bomb.
"""

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

NUMBER_FORMATS = {
    "Hovedgruppe": re.compile(r"^\d{2}$"),
    "Gruppe": re.compile(r"^\d{2}\.\d{2}$"),
    "Emne": re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
}
FACET_FORMATS = {"HandlingsfacetKategori": re.compile(r"^[A-Z]$"), "Handlingsfacet": re.compile(r"^[A-Z]\d{2}$")}


@dataclass(frozen=True)
class Entry:
    number: str
    title: str
    parent: str | None
    active: bool
    tag: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: Element, name: str) -> str:
    found = _children(element, name)
    return " ".join((found[0].text or "").split()) if found else ""


def _retired(element: Element, tag: str) -> bool:
    for info in _children(element, f"{tag}AdministrativInfo"):
        for history in _children(info, "Historisk"):
            if _text(history, "UdgaaetDato"):
                return True
    return False


def _entry(element: Element, tag: str, parent: str | None, formats: dict[str, re.Pattern]) -> Entry:
    number, title = _text(element, f"{tag}Nr"), _text(element, f"{tag}Titel")
    if not formats[tag].match(number):
        raise ValidationError(
            _("%(tag)s har nummeret »%(number)s«, som ikke er et gyldigt nummer.") % {"tag": tag, "number": number}
        )
    if parent is not None and not number.startswith(parent):
        raise ValidationError(
            _("Nummeret %(number)s ligger ikke under %(parent)s.") % {"number": number, "parent": parent}
        )
    if not title or len(title) > 300:
        raise ValidationError(_("Nummeret %(number)s mangler en titel (højst 300 tegn).") % {"number": number})
    return Entry(number=number, title=title, parent=parent, active=not _retired(element, tag), tag=tag)


def _emneplan(root: Element) -> list[Entry]:
    entries = []
    for main in _children(root, "Hovedgruppe"):
        main_entry = _entry(main, "Hovedgruppe", None, NUMBER_FORMATS)
        entries.append(main_entry)
        for group in _children(main, "Gruppe"):
            group_entry = _entry(group, "Gruppe", main_entry.number, NUMBER_FORMATS)
            entries.append(group_entry)
            entries.extend(
                _entry(subject, "Emne", group_entry.number, NUMBER_FORMATS) for subject in _children(group, "Emne")
            )
    return entries


def _facets(root: Element) -> list[Entry]:
    entries = []
    for category in _children(root, "HandlingsfacetKategori"):
        category_entry = _entry(category, "HandlingsfacetKategori", None, FACET_FORMATS)
        entries.append(category_entry)
        entries.extend(
            _entry(facet, "Handlingsfacet", category_entry.number, FACET_FORMATS)
            for facet in _children(category, "Handlingsfacet")
        )
    return entries


READERS = {"KLE-Emneplan": _emneplan, "KLE-Handlingsfacetter": _facets}


def read_kle_file(content: bytes) -> tuple[str, list[Entry]]:
    """The file's kind (its root element) and its entries, parents before children.

    Raises ValidationError (in Danish) for a file that is not well-formed XML, not a KLE file, empty, or has
    a number out of format, under the wrong parent or twice.
    """
    try:
        root = fromstring(content)
    except (ParseError, DefusedXmlException) as error:
        raise ValidationError(_("Filen er ikke gyldig XML: %(error)s") % {"error": error}) from error
    kind = _local(root.tag)
    if kind not in READERS:
        raise ValidationError(
            _("Filen er ikke en KLE-fil: roden hedder »%(root)s«, ikke KLE-Emneplan eller KLE-Handlingsfacetter.")
            % {"root": kind}
        )
    entries = READERS[kind](root)
    if not entries:
        raise ValidationError(_("Filen indeholder ingen KLE-numre."))
    seen = set()
    for entry in entries:
        if entry.number in seen:
            raise ValidationError(_("Nummeret %(number)s står to gange i filen.") % {"number": entry.number})
        seen.add(entry.number)
    return kind, entries
