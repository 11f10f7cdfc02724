from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee
from core.forms import DayMonthYearWidget
from core.idempotency import IdempotentForm
from hearings.models import ANSWER_MAX, NOTE_MAX, SECTION_MAX, SUMMARY_MAX, Hearing
from themes.models import Theme


class HearingForm(IdempotentForm, forms.ModelForm):
    class Meta:
        model = Hearing
        fields = [
            "title",
            "summary",
            "committee",
            "department",
            "starts_on",
            "ends_on",
            "kle_number",
            "case_number",
            "answers_public_at_once",
            "themes",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5, "maxlength": SUMMARY_MAX}),
            "starts_on": DayMonthYearWidget,
            "ends_on": DayMonthYearWidget,
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "kle_number": _("Fx 27.24.00. Kan udelades."),
            "case_number": _("Fx 13/37262. Kan udelades."),
            "themes": _("Hvad høringen handler om; råd med høringspligt på et emne bør inviteres."),
        }

    def __init__(self, *args, departments, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["department"].empty_label = None
        self.fields["committee"].queryset = Committee.objects.order_by("name")
        self.fields["themes"].queryset = Theme.objects.filter(active=True).order_by("name")
        if editing:
            # Who is behind a hearing does not change once it exists.
            del self.fields["committee"], self.fields["department"]


class SectionForm(IdempotentForm):
    title = forms.CharField(label=_("Overskrift"), max_length=200)
    body = forms.CharField(
        label=_("Tekst"),
        max_length=SECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Tom linje mellem afsnit. ”- ” giver en punktliste, **fed** giver fed skrift."),
    )


class FileForm(IdempotentForm):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(
        label=_("Fil"), help_text=_("PDF, billede eller kontordokument (Word, Excel, OpenDocument), højst 20 MB.")
    )


class InviteForm(IdempotentForm):
    party = forms.ChoiceField(label=_("Inviter en høringspart"))

    def __init__(self, *args, councils, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [
            (_("Råd og nævn"), [(f"council-{c.id}", c.name) for c in councils]),
            (_("Foreninger"), [(f"association-{a.id}", a.name) for a in associations]),
        ]
        self.councils = {c.id: c for c in councils}
        self.associations = {a.id: a for a in associations}

    def party_kwargs(self) -> dict:
        kind, _sep, number = self.cleaned_data["party"].partition("-")
        if kind == "council":
            return {"council": self.councils[int(number)]}
        return {"association": self.associations[int(number)]}


class AnswerForm(IdempotentForm):
    section = forms.TypedChoiceField(
        label=_("Hvilket afsnit handler dit svar om?"), coerce=int, empty_value=None, required=False
    )
    on_behalf = forms.ChoiceField(label=_("Hvem svarer du for?"), widget=forms.RadioSelect)
    body = forms.CharField(label=_("Dit høringssvar"), max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 10}))
    file = forms.FileField(
        label=_("Bilag"), required=False, help_text=_("PDF, billede eller kontordokument, højst 20 MB. Kan udelades.")
    )
    contains_sensitive = forms.BooleanField(
        label=_("Mit svar indeholder følsomme personoplysninger"),
        required=False,
        help_text=_("Fx om helbred. Så bliver svaret ikke offentliggjort, men kun talt med i høringsnotatet."),
    )
    notify_about_decision = forms.BooleanField(
        label=_("Giv mig besked, når udvalget har besluttet i sagen"), required=False
    )

    def __init__(self, *args, sections, councils, associations, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Høringen som helhed"))] + [
            (section.id, str(section)) for section in sections
        ]
        self.fields["on_behalf"].choices = (
            [("self", _("Mig selv (%(name)s)") % {"name": user.full_name})]
            + [(f"council-{c.id}", c.name) for c in councils]
            + [(f"association-{a.id}", a.name) for a in associations]
        )
        self.fields["on_behalf"].initial = "self"
        self.sections = {section.id: section for section in sections}
        self.councils = {c.id: c for c in councils}
        self.associations = {a.id: a for a in associations}

    def answer_kwargs(self) -> dict:
        data = self.cleaned_data
        kind, _sep, number = data["on_behalf"].partition("-")
        return {
            "section": self.sections.get(data["section"]),
            "council": self.councils[int(number)] if kind == "council" else None,
            "association": self.associations[int(number)] if kind == "association" else None,
            "body": data["body"],
            "upload": data["file"],
            "file_title": data["file"].name if data["file"] else "",
            "contains_sensitive": data["contains_sensitive"],
            "notify_about_decision": data["notify_about_decision"],
        }


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse (vises offentligt i stedet for svaret)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteSummaryForm(forms.Form):
    note_summary = forms.CharField(
        label=_("Generelle bemærkninger"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hvem har svaret, og hvad går igen i svarene."),
    )


class SectionNoteForm(forms.Form):
    summary = forms.CharField(
        label=_("Sammenfatning af høringssvarene"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    comment = forms.CharField(
        label=_("Afdelingens bemærkninger"), max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    changes_draft = forms.BooleanField(label=_("Udkastet ændres på grund af høringssvarene"), required=False)
