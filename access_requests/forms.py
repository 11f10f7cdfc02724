from django import forms
from django.utils.translation import gettext_lazy as _

from access_requests.services import DocumentChoice
from accounts.selectors import departments_accepting_complaints
from core.forms import DayMonthYearWidget
from core.idempotency import IdempotentForm


class AccessRequestForm(IdempotentForm):
    complaint = forms.IntegerField(required=False, widget=forms.HiddenInput)
    department = forms.ModelChoiceField(
        label=_("Hvilken afdeling har sagen"),
        queryset=departments_accepting_complaints(),
        empty_label=_("Vælg afdeling"),
        required=False,
    )
    description = forms.CharField(
        label=_("Hvad ønsker du aktindsigt i"),
        help_text=_("Beskriv sagen eller dokumenterne, fx emne, tidsrum eller sagsnummer."),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, own_case: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if own_case:
            # Her own case: the department is the case's, and a description is optional.
            del self.fields["department"]
            self.fields["description"].label = _("Er der noget bestemt, du vil se")
            self.fields["description"].help_text = _(
                "Du får alle sagens dokumenter. Her kan du skrive, hvis noget haster."
            )


class IdentifyCaseForm(forms.Form):
    complaint = forms.ModelChoiceField(
        label=_("Hvilken sag gælder anmodningen"), queryset=None, empty_label=_("Vælg sag")
    )

    def __init__(self, *args, complaints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complaint"].queryset = complaints
        self.fields["complaint"].label_from_instance = lambda complaint: f"{complaint.reference} {complaint.subject}"


RELEASE_CHOICES = [("release", _("Udleveres")), ("withhold", _("Undtages"))]


class DecisionForm(forms.Form):
    """One choice, text and grounds per document, and the decision's grounds."""

    grounds = forms.CharField(
        label=_("Begrundelse for afgørelsen"),
        help_text=_(
            "Skal udfyldes ved delvis aktindsigt og afslag: reglerne og hovedhensynene, "
            "fx offentlighedsloven § 30, nr. 1."
        ),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = documents
        for document in documents:
            self.fields[f"document_{document.id}"] = forms.ChoiceField(
                label=_("Udleveres dokumentet"),
                choices=RELEASE_CHOICES,
                initial="release" if document.released else "withhold",
                widget=forms.RadioSelect,
            )
            self.fields[f"text_{document.id}"] = forms.CharField(
                label=_("Tekst der udleveres (personoplysninger fjernet)"),
                help_text=_("Ret teksten, hvis der mangler at blive fjernet noget, eller der er fjernet for meget."),
                initial=document.released_text,
                max_length=20000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields[f"grounds_{document.id}"] = forms.CharField(
                label=_("Begrundelse, hvis dokumentet undtages"),
                initial=document.withheld_grounds,
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def fields_of(self, document) -> list:
        return [self[f"document_{document.id}"], self[f"text_{document.id}"], self[f"grounds_{document.id}"]]

    def choices(self) -> dict[int, DocumentChoice]:
        data = self.cleaned_data
        return {
            d.id: DocumentChoice(
                release=data[f"document_{d.id}"] == "release",
                text=data[f"text_{d.id}"],
                grounds=data[f"grounds_{d.id}"],
            )
            for d in self.documents
        }


class LateLetterForm(forms.Form):
    """The fristbrev's reason and expected date (§ 36 stk. 2), as the caseworker revises the draft."""

    reason = forms.CharField(
        label=_("Hvorfor kan fristen ikke holdes"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    expected_by = forms.DateField(
        label=_("Hvornår kan anmoderen forvente en afgørelse"),
        widget=DayMonthYearWidget,
    )
