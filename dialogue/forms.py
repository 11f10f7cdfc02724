from django import forms
from django.utils.translation import gettext_lazy as _

from dialogue.models import BODY_MAX_LENGTH, CLIENT_ID_MAX_LENGTH, HIDDEN_REASON_MAX_LENGTH, Message
from dialogue.serializers import CLIENT_KIND_CHOICES


class MessageForm(forms.Form):
    """A message, a confirmation or a correction. The page renders a fresh client_id, so a form sent twice
    (a double click, a reload after a lost answer) stores one message."""

    body = forms.CharField(
        label=_("Din besked"),
        error_messages={"required": _("Skriv en besked.")},
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Højst 4000 tegn. Alle i samtalen kan læse beskeden."),
    )
    client_id = forms.CharField(max_length=CLIENT_ID_MAX_LENGTH, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=CLIENT_KIND_CHOICES, initial="text", widget=forms.HiddenInput)
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.data.get("kind") == Message.Kind.CONFIRMATION:
            self.fields["body"].required = False  # an empty confirmation says "the summary is correct"


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        error_messages={"required": _("Skriv, hvorfor beskeden skjules. Deltagerne kan se begrundelsen.")},
        max_length=HIDDEN_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Deltagerne ser begrundelsen i stedet for beskeden. Teksten gemmes og kan ses af medarbejdere."),
    )
