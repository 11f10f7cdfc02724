"""Forms of the grant pages. They parse and label; the services decide (one rule, one message)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DayMonthYearWidget
from core.idempotency import IdempotentForm
from core.money import KronerField
from grants.models import TEXT_MAX, TITLE_MAX, Application, Criterion
from grants.selectors import associations_of
from grants.services import OUTCOMES


class ProjectStepForm(IdempotentForm):
    """Step 1: the project and who applies."""

    title = forms.CharField(
        label=_("Projektets titel"), max_length=TITLE_MAX, help_text=_("Kort og konkret, fx ”Stemmecafé for unge”.")
    )
    description = forms.CharField(
        label=_("Beskriv projektet"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hvad vil I gøre, hvornår og hvor, og hvordan får det flere til at stemme? Højst 5000 tegn."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Målgruppe"),
        choices=Application.TargetGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Hvem skal projektet nå? Vælg en eller flere."),
    )
    association = forms.ModelChoiceField(
        label=_("Hvem søger?"),
        queryset=None,
        required=False,
        empty_label=_("Mig selv"),
        help_text=_("Du kan søge på vegne af en forening, du er medlem af."),
    )
    show_name_publicly = forms.BooleanField(
        label=Application._meta.get_field("show_name_publicly").verbose_name,
        help_text=Application._meta.get_field("show_name_publicly").help_text,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations_of(user=user)


class MoneyStepForm(forms.Form):
    """Step 2: the amounts and the dates (the budget lines are a formset beside it)."""

    amount_applied = KronerField(label=_("Ansøgt beløb i kroner"), required=False, help_text=_("Fx 12.500"))
    own_contribution = KronerField(
        label=_("Egenfinansiering i kroner"),
        required=False,
        help_text=_("Det, I selv eller andre betaler. Budgettet skal svare til ansøgt beløb plus egenfinansiering."),
    )
    starts_on = forms.DateField(label=_("Projektet starter"), required=False, widget=DayMonthYearWidget)
    ends_on = forms.DateField(label=_("Projektet slutter"), required=False, widget=DayMonthYearWidget)


class BudgetLineForm(forms.Form):
    purpose = forms.CharField(label=_("Hvad går pengene til?"), max_length=TITLE_MAX, required=False)
    amount = KronerField(label=_("Beløb i kroner"), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("purpose")) != (data.get("amount") is not None) and not self.errors:
            raise forms.ValidationError(_("Udfyld både formål og beløb – eller ingen af dem."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=0, max_num=30, absolute_max=30)


class AttachmentForm(IdempotentForm):
    title = forms.CharField(
        label=_("Hvad er bilaget?"), max_length=200, help_text=_("Fx ”Støtteerklæring fra skolen”.")
    )
    file = forms.FileField(
        label=_("Fil"), help_text=_("En PDF, et billede eller et kontordokument. Højst 10 MB."), allow_empty_file=True
    )


class QuestionForm(IdempotentForm):
    question = forms.CharField(
        label=_("Hvad mangler I at vide?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ansøgningen går tilbage til ansøgeren med spørgsmålet, til hun har svaret."),
    )


class AnswerForm(IdempotentForm):
    answer = forms.CharField(label=_("Dit svar"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}))


class ScoreForm(forms.Form):
    criterion = forms.ModelChoiceField(label=_("Kriterium"), queryset=Criterion.objects.none())
    score = forms.TypedChoiceField(
        label=_("Point"), coerce=int, choices=[(n, str(n)) for n in range(1, 6)], widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Intern note"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kun bedømmerne ser point og noter."),
    )

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = pool.criteria_list.all()


class DecisionForm(IdempotentForm):
    outcome = forms.ChoiceField(
        label=_("Afgørelse"),
        choices=[(value, label) for value, label in Application.Status.choices if value in OUTCOMES],
        widget=forms.RadioSelect,
    )
    amount_granted = KronerField(
        label=_("Bevilget beløb i kroner"), required=False, help_text=_("Kun ved delvis bevilling.")
    )
    rules_applied = forms.CharField(
        label=_("De regler, afgørelsen bygger på"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx puljens retningslinjer og kriterier (forvaltningsloven § 24)."),
    )
    considerations = forms.CharField(
        label=_("De hovedhensyn, der har været afgørende"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    facts = forms.CharField(
        label=_("De faktiske forhold, der er lagt vægt på"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReportForm(IdempotentForm):
    report = forms.CharField(
        label=_("Hvad blev der gjort?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Fortæl, hvad projektet nåede, og hvad pengene gik til."),
    )
    amount_spent = KronerField(label=_("Brugt i alt i kroner"))


class PayoutForm(IdempotentForm):
    amount = KronerField(label=_("Udbetalt beløb i kroner"))
