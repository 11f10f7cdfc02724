from django import forms
from django.utils.translation import gettext_lazy as _

from core.idempotency import IdempotentForm


class ErasureRequestForm(IdempotentForm):
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


class ErasureOfAllDecisionForm(ErasureDecisionForm):
    """For all of a citizen's data: beside the decision, one field per case of hers, for the reason the law keeps
    it (left empty, the case is erased). Filled in from an earlier decision to keep the case."""

    def __init__(self, *args, cases, kept_before: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = list(cases)
        for case in self.cases:
            self.fields[f"keep_{case.id}"] = forms.CharField(
                label=_("Bevar %(ref)s ”%(subject)s” (%(status)s)")
                % {"ref": case.reference, "subject": case.subject, "status": case.get_status_display()},
                help_text=_("Skriv, hvilken regel kræver, at sagen bevares. Tom: sagen slettes."),
                max_length=4000,
                required=False,
                initial=kept_before.get(case.id, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def keep(self) -> dict[int, str]:
        return {case.id: self.cleaned_data.get(f"keep_{case.id}", "") for case in self.cases}
