from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from escalations.models import Escalation, EscalationSettings
from themes.forms import ThemesField


def _field_of(name: str):
    return EscalationSettings._meta.get_field(name)


def _label_of(name: str):
    return capfirst(_field_of(name).verbose_name)  # a form's label starts with a capital, as a model's never does


class SettingsForm(forms.Form):
    threshold = forms.IntegerField(
        label=_label_of("threshold"),
        help_text=_field_of("threshold").help_text,
        min_value=1,
        max_value=1000,
    )
    window_days = forms.IntegerField(
        label=_label_of("window_days"),
        help_text=_field_of("window_days").help_text,
        min_value=1,
        max_value=365,
    )
    rise_factor = forms.FloatField(
        label=_label_of("rise_factor"),
        help_text=_field_of("rise_factor").help_text,
        min_value=1.1,
        max_value=100,
        localize=True,  # written and shown the Danish way: 2,5
    )
    themes = ThemesField(label=_label_of("themes"), help_text=_field_of("themes").help_text)


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor skal emnet ikke på dagsordenen?"),
        help_text=_("Begrundelsen kan læses af udvalgets medlemmer."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Slå sammen med"), queryset=Escalation.objects.none(), empty_label=None)

    def __init__(self, *args, escalation: Escalation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Escalation.objects.filter(committee_id=escalation.committee_id, status=Escalation.Status.OPEN)
            .exclude(id=escalation.id)
            .select_related("theme")
        )
        self.fields["into"].label_from_instance = lambda other: f"{other.theme.name} ({other.detected_at:%d-%m-%Y})"
