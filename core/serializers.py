"""What the apps' DRF serializers share."""

import functools

from django.utils import translation
from rest_framework import serializers


# A write serializer whose fields are built and bound once per class and language, not for every instance (a
# comment, not a docstring: drf-spectacular would put a docstring into the OpenAPI schema of every subclass).
#
# DRF deep-copies the declared fields for each new serializer (so that an instance may change its own): for the
# complaint intake's thirteen fields, their choices of lazy texts and the department queryset, about half of the
# validation's CPU on every request (issue 15). A serializer that never changes its fields, has no nested
# serializers and reads no context in its fields may share them: a field keeps nothing of the data it validates
# (the errors and the validated data are the serializer instance's own), and the fields' parent is a data-less
# instance of the same class, so `partial` and `context` are those of a plain create. One set per language: a
# field's length limit puts its number into its message once, in the language of the first error (DRF's
# lazy_format), so Danish fields must not answer an English request.
class FieldsBuiltOnce(serializers.Serializer):
    @property
    def fields(self):
        return _bound_fields(type(self), translation.get_language())


@functools.cache
def _bound_fields(cls: type[FieldsBuiltOnce], language: str | None):
    # DRF's own `fields` (copies of the declared fields, bound to their parent) for a data-less instance.
    return serializers.Serializer.fields.func(cls())
