"""Forms of the event pages. They parse and label; the services decide (one rule, one message)."""

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee, Department
from budgets.models import Budget
from core.forms import DateAndTimeField
from core.idempotency import IdempotentForm
from events.models import NAME_MAX, TEXT_MAX, TITLE_MAX, Event, Participant
from hearings.selectors import published_hearings
from ideas.models import Board


def _moment(label, *, required: bool = True, help_text: str = "") -> DateAndTimeField:
    return DateAndTimeField(label=label, required=required, help_text=help_text)


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class EventForm(IdempotentForm):
    title = forms.CharField(label=_("Titel"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(label=_("Type"), choices=Event.Kind.choices, widget=forms.RadioSelect)
    department = forms.ModelChoiceField(
        label=_("Arrangerende afdeling"),
        queryset=Department.objects.none(),
        help_text=_("Afdelingens medarbejdere kan rette arrangementet, se tilmeldinger og skrive referat."),
    )
    starts_at = _moment(_("Begynder"))
    ends_at = _moment(_("Slutter"))
    address = forms.CharField(label=_("Adresse"), max_length=TITLE_MAX, required=False)
    online_url = forms.CharField(
        label=_("Link til at deltage online"), max_length=500, required=False, help_text=_("Fx https://…")
    )
    organiser = forms.CharField(
        label=_("Arrangør"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Vises som arrangør. Tom: afdelingens navn."),
    )
    partners = forms.CharField(
        label=_("Partnere"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Én pr. linje, fx ”Mandag Morgen”."),
    )
    speakers = forms.CharField(
        label=_("Oplægsholdere"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Én pr. linje.")
    )
    description = forms.CharField(
        label=_("Beskrivelse"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Du kan bruge Markdown: **fed**, *kursiv*, lister med - og links."),
    )
    capacity = forms.IntegerField(label=_("Antal pladser"), required=False, help_text=_("Tom: der er plads til alle."))
    registration_opens_at = _moment(
        _("Tilmelding åbner"), required=False, help_text=_("Tom (og tom lukketid): der er ingen tilmelding.")
    )
    registration_closes_at = _moment(
        _("Tilmelding lukker"), required=False, help_text=_("Senest når arrangementet begynder.")
    )
    committee = forms.ModelChoiceField(label=_("Udvalg"), queryset=Committee.objects.all(), required=False)
    board = forms.ModelChoiceField(label=_("Idétavle"), queryset=Board.objects.all(), required=False)
    budget = forms.ModelChoiceField(label=_("Borgerbudget"), queryset=Budget.objects.all(), required=False)
    hearing = forms.ModelChoiceField(
        label=_("Høring"),
        queryset=published_hearings(),
        required=False,
        help_text=_("Fx et borgermøde om en høring: svarene kan gives på høringens side."),
    )
    is_published = forms.BooleanField(
        label=_("Offentliggør arrangementet"),
        required=False,
        help_text=_("Først da kan borgerne se det og tilmelde sig."),
    )

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments is None:
            del self.fields["department"]
        else:
            self.fields["department"].queryset = departments

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("department", None)
        data["partners"], data["speakers"] = _lines(data["partners"]), _lines(data["speakers"])
        return data

    @staticmethod
    def initial_for(event: Event) -> dict:
        initial = {field: getattr(event, field) for field in ("title", "kind", "address", "online_url", "organiser")}
        initial.update(
            {
                field: getattr(event, field)
                for field in (
                    "starts_at",
                    "ends_at",
                    "description",
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "committee",
                    "board",
                    "budget",
                    "hearing",
                    "is_published",
                )
            }
        )
        roles = {"partner": [], "speaker": []}
        for contributor in event.contributors.all():
            roles[contributor.role].append(contributor.name)
        initial["partners"], initial["speakers"] = "\n".join(roles["partner"]), "\n".join(roles["speaker"])
        return initial


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Tilmeldingskode"), max_length=20, help_text=_("Koden, deltageren viser ved indgangen, fx K7P2QX.")
    )


class AnswerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, answer) -> str:
        where = _("afsnit %(number)s") % {"number": answer.section.number} if answer.section_id else _("hele høringen")
        return f"{answer.sender_name} ({where}): {Truncator(answer.body).chars(120)}"


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Referat"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Hvad skete der, hvad blev sagt, hvad sker der nu? Du kan bruge Markdown."),
    )
    ideas = forms.ModelMultipleChoiceField(
        label=_("Idéer fra arrangementet"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Idéer fra arrangementets idétavle, der blev til her."),
    )

    answers = AnswerChoiceField(
        label=_("Høringssvar fra arrangementet"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Høringssvar til arrangementets høring, der blev givet her. Svarene vises på arrangementets side, når "
            "høringen offentliggør dem."
        ),
    )

    def __init__(self, *args, ideas, answers, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in (("ideas", ideas), ("answers", answers)):
            self.fields[name].queryset = choices
            if not choices.exists():
                del self.fields[name]


class ParticipantForm(IdempotentForm):
    user = forms.ModelChoiceField(label=_("Hvem"), queryset=None)
    role = forms.ChoiceField(label=_("Rolle"), choices=Participant.Role.choices, widget=forms.RadioSelect)
    task = forms.CharField(
        label=_("Opgave"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("Fx ”Paneldeltager” eller ”Står i teltet”."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: user.full_name
