from django import forms
from django.utils.translation import gettext_lazy as _

from core.idempotency import IdempotentForm
from themes.models import Theme
from themes.selectors import active_themes


class ThemeForm(IdempotentForm):
    """The fields of a theme; the service checks the rest (e.g. that the name is not taken)."""

    name = forms.CharField(
        label=_("Navn"), max_length=100, help_text=_("Kort og forståeligt for borgere, fx ”Vej og trafik”.")
    )
    description = forms.CharField(
        label=_("Beskrivelse"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    active = forms.BooleanField(
        label=_("Aktiv"), required=False, help_text=_("Kun aktive emner kan vælges og foreslås.")
    )


class ThemesField(forms.ModelMultipleChoiceField):
    """The active themes an item is about, chosen by staff (prefilled with the suggestion)."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Emner"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Hvad handler henvendelsen om? Udvalget ser emner og antal, aldrig navne."))
        super().__init__(queryset=active_themes(), **kwargs)

    def show_suggestion(self, suggestions: list[tuple[Theme, float]]) -> None:
        """Tell staff in the hint what was suggested from the text, and that they decide."""
        if suggestions:
            listed = ", ".join(f"{theme.name} ({round(score * 100)} %)" for theme, score in suggestions)
            self.help_text = _("Foreslået ud fra teksten: %(themes)s. Ret forslaget, hvis det ikke passer.") % {
                "themes": listed
            }
        else:
            self.help_text = _("Der er intet forslag til emner. Vælg de emner, henvendelsen handler om.")
