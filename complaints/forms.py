from datetime import date
from typing import NamedTuple

from django import forms
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.forms import StandInFields
from accounts.selectors import departments_accepting_complaints, reassign_candidates_for_department
from classification.selectors import kle_subjects
from complaints.models import Complaint, ComplaintAttachment, ContactLog, ContactTask
from core.forms import DateAndTimeField, DayMonthYearWidget, ListFilterForm
from core.idempotency import IdempotentForm
from themes.forms import ThemesField


class RadioChoicesWithoutBlank:
    """Radio buttons for required choices show only the real choices, not Django's "---------"."""

    radio_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.radio_fields:
            field = self.fields[name]
            field.choices = [(value, label) for value, label in field.choices if value != ""]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe); each is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ComplaintForm(RadioChoicesWithoutBlank, forms.ModelForm):
    radio_fields = ("kind", "contact_channel")
    department = forms.ModelChoiceField(
        label=_("Hvilken afdeling drejer klagen sig om"),
        queryset=departments_accepting_complaints(),
        empty_label=_("Vælg afdeling"),
    )
    decision_file = forms.FileField(
        label=_("Afgørelsen, du klager over"),
        required=False,
        allow_empty_file=True,
        help_text=_("Vedhæft afgørelsen, hvis du har den: en PDF, et billede eller et kontordokument, højst 20 MB."),
    )
    documents = MultipleFileField(
        label=_("Andre dokumenter"),
        required=False,
        allow_empty_file=True,
        help_text=_("Du kan vælge flere filer på én gang."),
    )
    # The files come after what the complaint is about; fields added later keep their place after these.
    field_order = ["kind", "department", "subject", "description", "case_number", "decision_date", "decision_file"]

    class Meta:
        model = Complaint
        fields = [
            "kind",
            "department",
            "subject",
            "description",
            "case_number",
            "decision_date",
            "desired_outcome",
            "contact_channel",
            "phone",
            "contact_time",
            "notify_about_decisions",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "contact_channel": forms.RadioSelect,
            "decision_date": DayMonthYearWidget,
            "description": forms.Textarea(attrs={"rows": 8}),
            "desired_outcome": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "subject": _("En kort overskrift, fx ”Afslag på tilskud til briller”."),
            "description": _("Fortæl med dine egne ord, hvad du er utilfreds med."),
            "case_number": _("Står i afgørelsen, fx 13/37262. Kan udelades."),
            "decision_date": _("Kun hvis du klager over en afgørelse."),
            "desired_outcome": _("Hvad skal der til, for at du er tilfreds?"),
            "phone": _("Skal udfyldes, hvis du vil ringes op."),
            "contact_time": _("Fx ”hverdage efter kl. 15”."),
        }


class IntakeStep(NamedTuple):
    slug: str
    title: str
    fields: tuple[str, ...]


# The complaint in steps (DKFDS multi-step form): each step its own page, then "Tjek dine svar".
INTAKE_STEPS = (
    IntakeStep("om", _("Hvad drejer klagen sig om"), ("kind", "department", "case_number", "decision_date")),
    IntakeStep("detaljer", _("Din klage"), ("subject", "description", "desired_outcome", "decision_file", "documents")),
    IntakeStep("kontakt", _("Kontakt"), ("contact_channel", "phone", "contact_time", "notify_about_decisions")),
)
FILE_FIELDS = ("decision_file", "documents")


class ComplaintStepForm(ComplaintForm):
    """One step of the complaint: the complaint form's own fields for that step, checked the same way."""

    def __init__(self, *args, step: IntakeStep, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [name for name in self.fields if name not in step.fields]:
            del self.fields[name]
        self.order_fields(step.fields)
        self.step = step

    def answers(self) -> dict[str, str]:
        """What she wrote, as she wrote it (the draft keeps it so "Ret" shows it again); files go apart. The date's
        three boxes are kept as the one value they make ("2026-12-3"), which the widget reads back whole."""
        return {name: self._answer(name) for name in self.fields if name not in FILE_FIELDS}

    def _answer(self, name: str) -> str:
        if isinstance(self.fields[name].widget, forms.MultiWidget):
            return self[name].data or ""
        return self.data.get(name, "")


def intake_summary(*, values: dict, files) -> list[dict]:
    """The answers step by step as label and text, for "Tjek dine svar" and the receipt; `values` are the
    complaint's fields (cleaned data or the complaint's own), `files` anything with `kind` and `file_name`."""
    fields = ComplaintForm().fields
    files = list(files)
    sections = []
    for step in INTAKE_STEPS:
        rows = []
        for name in step.fields:
            if name in FILE_FIELDS:
                kind = (
                    ComplaintAttachment.Kind.DECISION if name == "decision_file" else ComplaintAttachment.Kind.DOCUMENT
                )
                shown = [file.file_name for file in files if file.kind == kind]
                rows.append((fields[name].label, ", ".join(shown) or _("Ingen")))
            else:
                rows.append((fields[name].label, _answer_text(fields[name], values.get(name))))
        sections.append({"step": step, "rows": rows})
    return sections


def _answer_text(field: forms.Field, value) -> str:
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if value in (None, ""):
        return _("Ikke udfyldt")
    if isinstance(value, date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    return str(value)


class AttachmentForm(IdempotentForm, RadioChoicesWithoutBlank, forms.Form):
    radio_fields = ("kind",)
    kind = forms.ChoiceField(
        label=_("Hvad er dokumentet?"),
        choices=ComplaintAttachment.Kind.choices,
        initial=ComplaintAttachment.Kind.DOCUMENT,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Titel"), max_length=200, help_text=_("Fx ”Lægeerklæring af 3. marts”."))
    file = forms.FileField(
        label=_("Fil"), help_text=_("En PDF, et billede eller et kontordokument, højst 20 MB."), allow_empty_file=True
    )


class AssistedComplaintForm(IdempotentForm, StandInFields, ComplaintForm):
    """Citizen service files for a citizen at the counter or on the phone: her part (StandInFields) and how she
    gets the receipt; then her complaint, as she tells it. The services check all of it."""

    radio_fields = ("identified_by", "kind", "contact_channel")
    receipt_by_letter = forms.BooleanField(label=_("Kvittering som brev (print det bagefter)"), required=False)
    receipt_by_email = forms.BooleanField(label=_("Kvittering på e-mail"), required=False)
    receipt_field_names = ("receipt_by_letter", "receipt_by_email")

    class Meta(ComplaintForm.Meta):
        fields = [name for name in ComplaintForm.Meta.fields if name != "phone"]

    field_order = [*StandInFields.stand_in_field_names, *receipt_field_names]

    def _post_clean(self):
        # The complaint's phone is the citizen's phone: Complaint.clean() needs it when she wants a call.
        self.instance.phone = self.cleaned_data.get("phone", "")
        super()._post_clean()


class AddInformationForm(IdempotentForm):
    text = forms.CharField(
        label=_("Hvad vil du tilføje?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Fx noget, du har fået at vide siden, eller svar på det, sagsbehandleren spurgte om."),
    )
    documents = MultipleFileField(
        label=_("Filer"),
        required=False,
        allow_empty_file=True,
        help_text=_("En PDF, et billede eller et kontordokument, højst 20 MB hver. Du kan vælge flere."),
    )


class WithdrawComplaintForm(forms.Form):
    reason = forms.CharField(
        label=_("Vil du fortælle hvorfor?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sagsbehandleren ser det på klagen."),
    )


class ContactLogForm(IdempotentForm, RadioChoicesWithoutBlank, forms.ModelForm):
    radio_fields = ("citizen_understood_decision",)
    themes = ThemesField()

    class Meta:
        model = ContactLog
        fields = ["channel", "contacted_at", "summary", "citizen_understood_decision", "next_steps"]
        field_classes = {"contacted_at": DateAndTimeField}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "citizen_understood_decision": forms.RadioSelect,
        }


CLOSE_OUTCOMES = [
    (value, label) for value, label in Complaint.Outcome.choices if value not in Complaint.DECISION_OUTCOMES
]


class CloseComplaintForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Udfald"),
        choices=CLOSE_OUTCOMES,
        widget=forms.RadioSelect,
        help_text=_("Ændres eller fastholdes afgørelsen, skriver du afgørelsen i afgørelsesformularen."),
    )
    note = forms.CharField(
        label=_("Besked til borgeren"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Borgeren ser beskeden på sin klage og i e-mailen."),
    )


class ReassignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Ny ansvarlig"), queryset=None, empty_label=None)

    def __init__(self, *args, department_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = reassign_candidates_for_department(department_id=department_id)


class SurveyForm(IdempotentForm):
    rating = forms.TypedChoiceField(
        label=_("Hvordan har du alt i alt oplevet forløbet?"),
        help_text=_("1 er meget dårligt, 5 er meget godt."),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    understood_decision = forms.TypedChoiceField(
        label=_("Forstod du afgørelsen?"),
        choices=[("yes", _("Ja")), ("no", _("Nej"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Vil du fortælle mere?"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class ClassifyComplaintForm(forms.Form):
    kle_subject = forms.ModelChoiceField(
        label=_("KLE-emne"),
        queryset=kle_subjects(),
        empty_label=_("Vælg KLE-emne"),
        help_text=_("Sagsnummeret er det samme; KLE-emnet bestemmer, hvor længe sagen gemmes."),
    )


ALL_COMPLAINTS = "all"


class RepresentationPeriodForm(forms.Form):
    representative_email = forms.EmailField(
        label=_("E-mail på den, der skal have fuldmagt"),
        help_text=_("Personen skal have logget ind i Borgerdialog før (fx med MitID)."),
    )
    valid_from = forms.DateField(label=_("Gælder fra"), widget=DayMonthYearWidget)
    valid_until = forms.DateField(
        label=_("Gælder til og med"),
        required=False,
        widget=DayMonthYearWidget,
        help_text=_("Lad feltet stå tomt, hvis fuldmagten skal gælde, til den kaldes tilbage."),
    )


class GrantRepresentationForm(IdempotentForm, RepresentationPeriodForm):
    """The citizen gives someone fuldmagt: to one of her complaints or all of them."""

    scope = forms.ChoiceField(label=_("Hvad gælder fuldmagten"), widget=forms.RadioSelect)
    field_order = ["representative_email", "scope", "valid_from", "valid_until"]

    def __init__(self, *args, complaints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = [(ALL_COMPLAINTS, _("Alle mine klager, også dem jeg indgiver senere"))] + [
            (str(complaint.id), f"{complaint.reference} {complaint.subject}") for complaint in complaints
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        scope = data["scope"]
        return {
            "representative_email": data["representative_email"],
            "complaint_id": None if scope == ALL_COMPLAINTS else int(scope),
            "valid_from": data["valid_from"],
            "valid_until": data["valid_until"],
        }


class PaperRepresentationForm(IdempotentForm, RepresentationPeriodForm):
    """Staff record a signed fuldmagt received on paper (scanned and attached) for this complaint."""

    field_order = ["representative_email", "valid_from", "valid_until", "title", "file"]

    title = forms.CharField(
        label=_("Hvad er dokumentet?"), max_length=200, initial=_("Underskrevet fuldmagt"), required=False
    )
    file = forms.FileField(
        label=_("Den scannede fuldmagt"),
        help_text=_("En PDF, et billede eller et kontordokument."),
        allow_empty_file=True,
        required=False,
    )
    representative_email = forms.EmailField(
        label=_("Repræsentantens e-mail"),
        help_text=_("Repræsentanten skal have en konto i Borgerdialog (have logget ind én gang)."),
    )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "representative_email": data["representative_email"],
            "valid_from": data["valid_from"],
            "valid_until": data["valid_until"],
            "title": data["title"],
            "upload": data["file"],
        }


class ComplaintFilterForm(ListFilterForm):
    """Search and filter of "Mine klager" (a GET form: works without JavaScript)."""

    q = forms.CharField(label=_("Søg i dine klager"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle")), *Complaint.Status.choices])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"query": self.cleaned_data["q"], "status": self.cleaned_data["status"]}


class InboxFilterForm(ListFilterForm):
    """Search and filter of the inbox (a GET form: works without JavaScript)."""

    q = forms.CharField(label=_("Søg i opgaverne"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Alle")), *ContactTask.Kind.choices])
    overdue = forms.BooleanField(label=_("Kun overskredne"), required=False)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"query": data["q"], "kind": data["kind"], "overdue": data["overdue"]}
