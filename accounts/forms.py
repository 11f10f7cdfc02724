from django import forms
from django.utils.translation import gettext_lazy as _


class ClaimForm(forms.Form):
    code = forms.CharField(
        label=_("Koden fra din kvittering"),
        max_length=40,
        help_text=_("Står på brevet eller i e-mailen fra Borgerservice, fx ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
