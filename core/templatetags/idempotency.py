"""`{% idempotency_key_field %}`: the hidden key of a form written by hand in a template (a button per row), with
a fresh value each time the page is shown — what `core.idempotency.IdempotentForm` adds to a Django form."""

import uuid

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def idempotency_key_field() -> str:
    return format_html('<input type="hidden" name="idempotency_key" value="{}">', uuid.uuid4().hex)
