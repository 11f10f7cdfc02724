from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from committees.models import AgendaItem, AgendaItemSource
from committees.selectors import open_meetings_for_placing
from core.forms import DateAndTimeField
from core.idempotency import IdempotentForm
from themes.models import Theme


class MeetingForm(IdempotentForm):
    start = DateAndTimeField(label=_("Mødedato og tidspunkt"))
    end = DateAndTimeField(label=_("Mødet slutter"), required=False, help_text=_("Kan udelades."))
    place = forms.CharField(label=_("Mødested"), max_length=200, help_text=_("Fx ”lokale 1.D, Kanalstræde 2”."))

    @classmethod
    def for_meeting(cls, meeting, data=None):
        initial = {
            "start": timezone.localtime(meeting.start),
            "end": timezone.localtime(meeting.end) if meeting.end else None,
            "place": meeting.location.description,
        }
        return cls(data, initial=initial)


class ItemForm(IdempotentForm, forms.ModelForm):
    # Declared here so the radio buttons offer only the three real types (no blank choice).
    item_type = forms.ChoiceField(label=_("Sagstype"), choices=AgendaItem.ItemType.choices, widget=forms.RadioSelect)

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "case_number",
            "item_type",
            "procedure",
            "recommendation",
            "description",
            "is_public",
            "themes",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "recommendation": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {
            "title": _("Fx ”Drøftelse - Samskabelse”."),
            "case_number": _("Fx 13/37262. Kan udelades."),
            "procedure": _("Fx ”Demokratieksperimentariet - drøftelse”. Udfyldes selv, hvis feltet er tomt."),
            "description": _(
                "Tom linje mellem afsnit. Linjer der begynder med ”- ” bliver en punktliste, "
                "”1. ” en nummereret liste, ”### ” en mellemoverskrift. **fed** giver fed skrift, "
                "[tekst](https://…) et link."
            ),
            "is_public": _("Et lukket punkt ses kun af udvalget og sekretæren."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(active=True).order_by("name")


class WarningOverrideForm(IdempotentForm):
    code = forms.CharField(max_length=100, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Begrundelse for at offentliggøre alligevel"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx ”Ældrerådet blev hørt på sit møde den 3. marts; udtalelsen er vedlagt som bilag.”"),
    )


class AttachmentForm(IdempotentForm):
    title = forms.CharField(label=_("Bilagets titel"), max_length=200)
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, billede eller kontordokument (Word, Excel, PowerPoint, OpenDocument), højst 20 MB."),
    )
    is_internal = forms.BooleanField(
        label=_("Internt bilag"), required=False, help_text=_("Interne bilag ses kun af udvalget og sekretæren.")
    )


class DecisionForm(forms.Form):
    decision = forms.CharField(label=_("Beslutning"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    outcome = forms.ChoiceField(
        label=_("Hvad betyder beslutningen for borgerforslagene?"),
        choices=AgendaItem.Outcome.choices,
        widget=forms.RadioSelect,
        help_text=_("Forslagsstillere og støtter får besked, når referatet offentliggøres."),
    )

    def __init__(self, *args, has_sources: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_sources:
            del self.fields["outcome"]


class PlaceProposalForm(IdempotentForm):
    kind = forms.ChoiceField(choices=AgendaItemSource.Kind.choices, widget=forms.HiddenInput)
    object_id = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    meeting = forms.ModelChoiceField(label=_("Møde"), queryset=None, empty_label=None)

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = open_meetings_for_placing(committee=committee)
