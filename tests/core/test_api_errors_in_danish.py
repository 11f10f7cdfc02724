"""An API answer to bad input is in the asker's language: every message Django REST framework's fields,
relations and validators can give has its Danish (the framework's own catalogue, or locale/da where it lacks
one)."""

import inspect

import pytest
from django.utils import translation
from django.utils.functional import Promise
from rest_framework import fields, relations, serializers, validators


def error_messages() -> dict[str, object]:
    """Each message by where it comes from: the fields' default_error_messages and the validators' message."""
    found = {}
    for module in (fields, relations, serializers):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:  # serializers imports the fields too
                continue
            for key, message in getattr(cls, "default_error_messages", {}).items():
                found[f"{module.__name__}.{name}.{key}"] = message
    for name, cls in inspect.getmembers(validators, inspect.isclass):
        if isinstance(getattr(cls, "message", None), Promise):  # a translatable text, not a format of one
            found[f"validators.{name}"] = cls.message
    return found


MESSAGES = error_messages()


def test_the_framework_has_messages_to_check():
    assert len(MESSAGES) > 60


@pytest.mark.parametrize("where", sorted(MESSAGES))
def test_each_message_has_its_danish(where):
    with translation.override("en"):
        english = str(MESSAGES[where])
    with translation.override("da"):
        danish = str(MESSAGES[where])
    assert danish != english, f"{where}: {english!r} has no Danish"


def test_the_wrong_danish_of_an_empty_list_is_mended():
    with translation.override("da"):
        assert str(fields.ListField.default_error_messages["empty"]) == "Denne liste må ikke være tom."
