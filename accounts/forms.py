from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts import cpr as cprkit
from accounts.models import StandIn, User
from core.idempotency import IdempotentForm


class ClaimForm(IdempotentForm):
    code = forms.CharField(
        label=_("Koden fra din kvittering"),
        max_length=40,
        help_text=_("Står på brevet eller i e-mailen fra Borgerservice, fx ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class StandInFields(forms.Form):
    """The citizen's part of anything citizen service files for her (accounts.services.create_stand_in checks
    it): who she is, how she was identified, that she agreed, how to reach her."""

    full_name = forms.CharField(label=_("Borgerens navn"), max_length=200)
    identified_by = forms.ChoiceField(
        label=_("Hvordan er borgeren identificeret?"), choices=StandIn.IdentifiedBy.choices, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(label=_("Borgeren har sagt ja til, at jeg opretter det for hende"), required=False)
    postal_address = forms.CharField(
        label=_("Postadresse"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
        help_text=_("Gade og nummer, postnummer og by – som på en kuvert. Skal udfyldes for at sende brev."),
    )
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)
    phone = forms.CharField(
        label=_("Telefon"), required=False, max_length=30, help_text=_("Skal udfyldes, hvis borgeren vil ringes op.")
    )
    cpr = forms.CharField(
        label=_("CPR-nummer"),
        required=False,
        max_length=11,
        # Never written back into the page, not even after an error.
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("Kan udelades. Gemmes kun som en nøgle, så det bliver borgerens, når hun logger ind med MitID."),
    )
    stand_in_field_names = ("full_name", "identified_by", "consent", "postal_address", "email", "phone", "cpr")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not cprkit.is_configured():
            del self.fields["cpr"]

    def citizen_fields(self):
        names = [*self.stand_in_field_names, *getattr(self, "receipt_field_names", ())]
        return [self[name] for name in names if name in self.fields]

    def other_fields(self):
        names = {*self.stand_in_field_names, *getattr(self, "receipt_field_names", ())}
        return [self[name] for name in self.fields if name not in names]


class ProfileForm(forms.Form):
    """Min profil: the fields parse, accounts.services.update_profile decides."""

    preferred_language = forms.ChoiceField(
        label=_("Sprog"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("Siderne og de e-mails, du får fra os."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Hertil sender vi kvitteringer og besked om dine sager."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=30,
        required=False,
        help_text=_("Bruges, når du beder om at blive ringet op, fx 12 34 56 78."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    postcode = forms.CharField(
        label=_("Postnummer"),
        max_length=4,
        required=False,
        help_text=_("Hvor du bor. Bruges, når en afstemning kun er for beboere i et område."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        initial = {name: getattr(user, name) for name in ("preferred_language", "email", "phone", "postcode")}
        super().__init__(*args, initial=initial, **kwargs)
        if user.is_employee:
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("Din e-mail kommer fra kommunens login og kan ikke ændres her.")
