"""What every door's forms share: a service's ValidationError shown on the form that sent the input."""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """The errors at the fields they name when the user sees those fields, the rest at the top of the form."""
    named = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for field, messages in named:
        shown = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if shown else None, messages)
