from django import forms
from django.utils.translation import gettext_lazy as _

from casework.models import TEXT_MAX, Decision, Hearing
from complaints.forms import MultipleFileField, RadioChoicesWithoutBlank
from core.forms import DayMonthYearWidget
from core.idempotency import IdempotentForm


class HearingForm(IdempotentForm, RadioChoicesWithoutBlank, forms.Form):
    radio_fields = ("kind",)
    kind = forms.ChoiceField(
        label=_("Hvad sender du?"),
        choices=Hearing.Kind.choices,
        initial=Hearing.Kind.PARTSHOERING,
        widget=forms.RadioSelect,
        help_text=_(
            "Partshøring: oplysninger til ugunst for borgeren, som hun ikke kender (forvaltningsloven § 19). "
            "Afgørelsen kan ikke sendes, før hun har svaret eller fristen er udløbet."
        ),
    )
    facts = forms.CharField(
        label=_("Oplysningerne, borgeren skal kommentere"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Skriv oplysningerne i et klart sprog, og sig, hvad du gerne vil have hendes kommentar til."),
    )
    deadline = forms.DateField(
        label=_("Frist for svar"),
        widget=DayMonthYearWidget,
        help_text=_("Foreslået: 14 arbejdsdage. Falder fristen på en fridag, løber den til næste arbejdsdag."),
    )


class AnswerForm(IdempotentForm):
    answer = forms.CharField(
        label=_("Dit svar"), required=False, max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 8})
    )
    files = MultipleFileField(
        label=_("Dokumenter"),
        required=False,
        allow_empty_file=True,
        help_text=_("Du kan vedhæfte op til fem filer: PDF, billeder eller kontordokumenter, højst 20 MB hver."),
    )


class ExtensionRequestForm(IdempotentForm):
    reason = forms.CharField(
        label=_("Hvorfor har du brug for mere tid?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    wanted_until = forms.DateField(label=_("Hvornår kan du svare?"), required=False, widget=DayMonthYearWidget)


class ExtensionDecisionForm(IdempotentForm, RadioChoicesWithoutBlank, forms.Form):
    radio_fields = ("grant",)
    grant = forms.TypedChoiceField(
        label=_("Får borgeren mere tid?"),
        choices=[("yes", _("Ja, ny frist")), ("no", _("Nej"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    deadline = forms.DateField(
        label=_("Ny frist"),
        required=False,
        widget=DayMonthYearWidget,
        help_text=_("Tom: den dato, borgeren har bedt om."),
    )
    refusal = forms.CharField(
        label=_("Begrundelse, hvis nej"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(IdempotentForm, RadioChoicesWithoutBlank, forms.Form):
    radio_fields = ("kind",)
    kind = forms.ChoiceField(label=_("Afgørelsen"), choices=Decision.Kind.choices, widget=forms.RadioSelect)
    decision = forms.CharField(
        label=_("Hvad er afgjort?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Skriv til borgeren med korte sætninger og almindelige ord."),
    )
    full_agreement = forms.BooleanField(
        label=_("Borgeren får fuldt ud medhold"),
        required=False,
        help_text=_("Kun da kan begrundelse og klagevejledning udelades (forvaltningsloven §§ 22 og 25)."),
    )
    legal_rules = forms.CharField(
        label=_("Regler, afgørelsen bygger på"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Henvis til loven og forklar, hvad reglen siger (§ 24)."),
    )
    considerations = forms.CharField(
        label=_("Hovedhensyn"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Det, der har været afgørende for resultatet (§ 24)."),
    )
    facts = forms.CharField(
        label=_("De faktiske forhold"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De oplysninger om sagen, afgørelsen bygger på (§ 24)."),
    )
    complaint_guidance = forms.CharField(
        label=_("Klagevejledning"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Hvor, hvordan og inden for hvilken frist borgeren kan klage (§ 25). Udfyldt fra afdelingens skabelon."
        ),
    )
    hearing_override_reason = forms.CharField(
        label=_("Hvorfor kan afgørelsen træffes uden at vente på partshøringen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kun når sagen venter på borgerens svar: fx at hun har fået fuldt medhold (§ 19, stk. 2)."),
    )


class ForwardForm(IdempotentForm):
    grounds = forms.CharField(
        label=_("Hvorfor fastholdes afgørelsen efter genvurderingen?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Genvurderingen efter retssikkerhedsloven § 66 kommer med i klagepakken."),
    )
    appeals_body = forms.CharField(label=_("Klageinstans"), max_length=200, help_text=_("Fx ”Ankestyrelsen”."))
