from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import StandInFields
from accounts.models import PublicName
from core.forms import ListFilterForm
from core.idempotency import IdempotentForm
from ideas.models import COMMENT_MAX, IDEA_BODY_MAX, REASON_MAX, TITLE_MAX, Idea
from ideas.selectors import (
    ORDER_MOST_SUPPORTED,
    ORDER_NEWEST,
    REPORTED_COMMENTS,
    REPORTED_IDEAS,
    associations_of,
    collecting_boards,
)
from themes.forms import ThemesField


class BoardFilterForm(ListFilterForm):
    """The board page's search, filter and order (a GET form: works without JavaScript)."""

    q = forms.CharField(label=_("Søg i idéerne"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle")), *list(Idea.Status.choices)])
    order = forms.ChoiceField(
        label=_("Sortér efter"),
        required=False,
        choices=[(ORDER_MOST_SUPPORTED, _("Mest støtte")), (ORDER_NEWEST, _("Nyeste"))],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {
            "query": self.cleaned_data["q"],
            "status": self.cleaned_data["status"],
            "order": self.cleaned_data["order"] or ORDER_MOST_SUPPORTED,
        }


class ModerationFilterForm(ListFilterForm):
    """The moderation queue's search and filter (a GET form: works without JavaScript)."""

    q = forms.CharField(label=_("Søg i anmeldelserne"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Anmeldt indhold"),
        required=False,
        choices=[("", _("Alle")), (REPORTED_IDEAS, _("Idéer")), (REPORTED_COMMENTS, _("Kommentarer"))],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"query": self.cleaned_data["q"], "kind": self.cleaned_data["kind"]}


class ShownAsField(forms.ChoiceField):
    """How her name is shown publicly; left out (an older form, a client), it is the full name as before."""

    def __init__(self, label):
        super().__init__(
            label=label,
            choices=PublicName.choices,
            initial=PublicName.FULL,
            required=False,
            widget=forms.RadioSelect,
            help_text=_("Kommunens moderatorer kan altid se, hvem du er. Udvalgets politikere ser aldrig dit navn."),
        )

    def clean(self, value):
        return super().clean(value) or PublicName.FULL


class IdeaEditForm(forms.Form):
    title = forms.CharField(
        label=_("Overskrift"),
        max_length=TITLE_MAX,
        help_text=_("Kort og konkret, fx ”Gratis bus til valgstederne på valgdagen”."),
    )
    body = forms.CharField(
        label=_("Beskriv din idé"),
        max_length=IDEA_BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Hvad er idéen, hvem gavner den, og hvad skal der til? Højst 5000 tegn."),
    )


class IdeaForm(IdempotentForm, IdeaEditForm):
    association = forms.ModelChoiceField(
        label=_("Afsender"),
        queryset=None,
        required=False,
        empty_label=_("Mig selv"),
        help_text=_("Du kan skrive på vegne af en forening, du er medlem af. Afsenderens navn vises ved idéen."),
    )
    shown_as = ShownAsField(_("Hvordan skal dit navn vises ved idéen?"))
    notify_about_decisions = forms.BooleanField(
        label=Idea._meta.get_field("notify_about_decisions").verbose_name,
        help_text=Idea._meta.get_field("notify_about_decisions").help_text,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        associations = associations_of(user=user)
        if associations.exists():
            self.fields["association"].queryset = associations
        else:
            del self.fields["association"]


class AssistedIdeaForm(IdempotentForm, StandInFields, IdeaEditForm):
    """Citizen service writes an idea for a citizen at the counter or on the phone."""

    board = forms.ModelChoiceField(label=_("Idétavle"), queryset=None, empty_label=_("Vælg idétavle"))
    shown_as = ShownAsField(_("Hvordan skal borgerens navn vises ved idéen?"))
    notify_about_decisions = forms.BooleanField(
        label=Idea._meta.get_field("notify_about_decisions").verbose_name, required=False
    )
    field_order = [*StandInFields.stand_in_field_names, "board", "title", "body", "shown_as"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = collecting_boards()


class IdeaThemesForm(forms.Form):
    themes = ThemesField()


class CommentEditForm(forms.Form):
    body = forms.CharField(label=_("Din kommentar"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4}))


class CommentForm(IdempotentForm, CommentEditForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    shown_as = ShownAsField(_("Hvordan skal dit navn vises ved kommentaren?"))


class SupportForm(forms.Form):
    shown_as = ShownAsField(_("Hvordan skal dit navn vises blandt støtterne?"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Begrundelse"), max_length=REASON_MAX, widget=forms.Textarea(attrs={"rows": 4}))


class ReportForm(IdempotentForm, ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("Hvorfor anmelder du indholdet?")
        self.fields["reason"].help_text = _(
            "Fx at det er krænkende, indeholder personlige oplysninger eller er reklame."
        )


class HideForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("Offentlig begrundelse")
        self.fields["reason"].help_text = _(
            "Vises i stedet for teksten og sendes til forfatteren. Teksten gemmes og kan kun ses af medarbejdere."
        )
