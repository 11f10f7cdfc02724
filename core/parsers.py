"""The API's JSON parser (a module of its own: DRF reads it from settings while rest_framework.views loads), and
the check every JSON door shares (the API, the sockets)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from core.middleware import unreadable

MAX_DEPTH = 32


def json_problem(value: object, *, depth: int = 1) -> str:
    """What makes parsed JSON unusable — nested deeper than MAX_DEPTH, or text a database field cannot keep —
    in the reader's language; "" when nothing does."""
    if depth > MAX_DEPTH:
        return _("JSON-dokumentet er for dybt indlejret.")
    if isinstance(value, str):
        return _("Teksten indeholder tegn, der ikke kan bruges (fx et nul-tegn).") if unreadable(value) else ""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        problem = json_problem(key, depth=depth) if isinstance(key, str) else ""
        problem = problem or json_problem(child, depth=depth + 1)
        if problem:
            return problem
    return ""


class StrictJSONParser(JSONParser):
    """JSON as the API accepts it: at most MAX_DEPTH levels deep, and no text a database field cannot keep."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError(_("JSON-dokumentet er for dybt indlejret.")) from error
        problem = json_problem(data)
        if problem:
            raise exceptions.ParseError(problem)
        return data
