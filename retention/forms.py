from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor ønsker du sletning"),
        help_text=_("Du behøver ikke begrunde det; det kan hjælpe os at forstå, hvad der er vigtigt for dig."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ErasureDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=[("erase", _("Slet borgerens oplysninger i sagen")), ("keep", _("Sagen bevares"))],
        widget=forms.RadioSelect,
    )
    grounds = forms.CharField(
        label=_("Begrundelse"),
        help_text=_("Skal udfyldes, når sagen bevares: hvilken regel kræver det (fx arkivloven, en verserende klage)."),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
