"""Forms of the budget pages. They parse and label; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from budgets.models import TEXT_MAX, TITLE_MAX, Project
from core.idempotency import IdempotentForm
from core.money import KronerField
from ideas.models import IDEA_BODY_MAX
from ideas.selectors import associations_of


class ProjectForm(IdempotentForm):
    """Step 1 of a proposal (step 2 shows it back with the same fields hidden, to check and send)."""

    title = forms.CharField(label=_("Projektets titel"), max_length=TITLE_MAX, help_text=_("Fx ”Bænke langs havnen”."))
    description = forms.CharField(
        label=_("Beskriv projektet"),
        max_length=IDEA_BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hvad skal laves, og hvem får glæde af det? Højst 5000 tegn."),
    )
    estimated_cost = KronerField(
        label=_("Hvad tror du, det koster, i kroner?"), help_text=_("Et overslag er nok; kommunen regner efter.")
    )
    location = forms.CharField(
        label=_("Hvor?"), max_length=TITLE_MAX, required=False, help_text=_("Fx en gade eller en plads.")
    )
    association = forms.ModelChoiceField(
        label=_("Afsender"),
        queryset=None,
        required=False,
        empty_label=_("Mig selv"),
        help_text=_("Du kan foreslå på vegne af en forening, du er medlem af."),
    )
    notify_progress = forms.BooleanField(
        label=_("Giv mig besked, hvis projektet bliver valgt, og om fremdriften"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations_of(user=user)

    def as_hidden_fields(self) -> list:
        return [self[name] for name in self.fields]


class BallotForm(forms.Form):
    projects = forms.TypedMultipleChoiceField(
        label=_("Projekter"), coerce=int, widget=forms.CheckboxSelectMultiple, required=False
    )
    notify_progress = forms.BooleanField(
        label=_("Giv mig besked om fremdriften for de projekter, jeg stemmer på"), required=False
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].choices = [(project.id, project.title) for project in projects]


class ReviewForm(forms.Form):
    feasibility = forms.ChoiceField(
        label=_("Kan projektet gennemføres?"),
        choices=[(value, label) for value, label in Project.Feasibility.choices if value != "pending"],
        widget=forms.RadioSelect,
    )
    municipal_cost = KronerField(label=_("Kommunens overslag i kroner"), required=False)
    reason = forms.CharField(
        label=_("Begrundelse (offentlig)"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes, når projektet ikke kan gennemføres. Vises, når vurderingen offentliggøres."),
    )


class PaperBallotForm(IdempotentForm):
    source = forms.CharField(
        label=_("Hvor kommer stemmerne fra?"),
        max_length=TITLE_MAX,
        help_text=_("Fx ”Borgermøde i Holbæk Hallen 3. maj”."),
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        for project in projects:
            self.fields[f"votes_{project.id}"] = forms.IntegerField(
                label=project.title, min_value=0, max_value=1_000_000, required=False
            )

    def counts(self) -> dict[int, int]:
        return {
            int(name.removeprefix("votes_")): value or 0
            for name, value in self.cleaned_data.items()
            if name.startswith("votes_")
        }


class ProgressForm(IdempotentForm):
    status = forms.ChoiceField(label=_("Status"), choices=Project.Implementation.choices)
    body = forms.CharField(label=_("Hvad er der sket?"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}))


class CommentForm(IdempotentForm):
    body = forms.CharField(label=_("Din kommentar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
