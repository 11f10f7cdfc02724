from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.selectors import departments_accepting_complaints


class FiguresFilterForm(forms.Form):
    """Which year and department to show; always bound, the newest year with complaints by default."""

    year = forms.TypedChoiceField(label=_("År"), coerce=int)
    department = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=departments_accepting_complaints(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle afdelinger"),
    )

    def __init__(self, query: QueryDict, *, years: list[int]):
        years = years or [timezone.localdate().year]
        data = {"year": str(years[0])} | {key: value for key, value in query.items() if value}
        super().__init__(data)
        self.fields["year"].choices = [(year, str(year)) for year in years]
