"""The API's JSON parser (a module of its own: DRF reads it from settings while rest_framework.views loads)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from core.middleware import unreadable


class StrictJSONParser(JSONParser):
    """JSON as the API accepts it: at most MAX_DEPTH levels deep, and no text a database field cannot keep."""

    MAX_DEPTH = 32

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise exceptions.ParseError(_("JSON-dokumentet er for dybt indlejret.")) from error
        self.check(data, depth=1)
        return data

    def check(self, value, *, depth: int) -> None:
        if depth > self.MAX_DEPTH:
            raise exceptions.ParseError(_("JSON-dokumentet er for dybt indlejret."))
        if isinstance(value, str) and unreadable(value):
            raise exceptions.ParseError(_("Teksten indeholder tegn, der ikke kan bruges (fx et nul-tegn)."))
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            if isinstance(key, str) and unreadable(key):
                raise exceptions.ParseError(_("Teksten indeholder tegn, der ikke kan bruges (fx et nul-tegn)."))
            self.check(child, depth=depth + 1)
