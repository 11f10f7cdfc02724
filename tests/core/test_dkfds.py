"""DKFDS in the product: the pinned package's integrity check, the form markup of includes/field.html."""

import base64
import hashlib
import importlib.util
from pathlib import Path

import pytest
from django import forms
from django.template import Context, Template, TemplateSyntaxError

from core.forms import DayMonthYearWidget

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("dkfds_fetch", ROOT / "platform" / "dkfds.py")
dkfds_fetch = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dkfds_fetch)


def test_the_integrity_hash_is_npms_sha512_form():
    data = b"package"
    assert dkfds_fetch._sri(data) == "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    assert dkfds_fetch.INTEGRITY.startswith("sha512-")
    assert dkfds_fetch.VERSION.split(".")[0] == "11"


def test_the_fetched_package_is_served_and_never_committed():
    assert (ROOT / ".local" / "dkfds" / "css" / "dkfds-borgerdk.min.css").exists()
    assert (ROOT / ".local" / "dkfds" / "js" / "dkfds.min.js").exists()
    assert ".local/" in (ROOT / ".gitignore").read_text()


class Sample(forms.Form):
    text = forms.CharField(label="Beskriv sagen", max_length=5000, widget=forms.Textarea, help_text="Skriv frit.")
    title = forms.CharField(label="Titel", max_length=200)
    when = forms.DateField(label="Dato på brevet", widget=DayMonthYearWidget)


def render(form) -> str:
    template = Template(
        '{% include "includes/field.html" with field=form.text %}'
        '{% include "includes/field.html" with field=form.title %}'
        '{% include "includes/field.html" with field=form.when %}'
    )
    return template.render(Context({"form": form}))


def test_a_long_field_gets_the_character_limit_instead_of_a_silent_maxlength():
    html = render(Sample())
    textarea = html[html.index("<textarea") : html.index(">", html.index("<textarea"))]
    assert "maxlength" not in textarea
    assert 'class="form-input"' in textarea
    assert 'aria-describedby="id_text_helptext id_text_limit"' in textarea
    assert 'data-maxlength="5000"' in html
    assert "Du kan indtaste op til 5000 tegn" in html
    assert 'maxlength="200"' in html  # a short field keeps it


def test_too_long_a_text_is_refused_with_an_error_at_the_field():
    form = Sample({"text": "x" * 5001, "title": "T", "when_day": "3", "when_month": "12", "when_year": "2026"})
    assert not form.is_valid()
    html = render(form)
    assert 'class="form-group form-error form-limit"' in html
    assert 'id="id_text_error"' in html
    assert 'aria-invalid="true"' in html


def test_the_date_field_takes_day_month_and_year():
    form = Sample({"text": "x", "title": "T", "when_day": "3", "when_month": "12", "when_year": "2026"})
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["when"]) == "2026-12-03"
    html = render(Sample(initial={"when": form.cleaned_data["when"]}))
    assert '<legend class="form-label">Dato på brevet</legend>' in html
    assert 'name="when_day"' in html and 'value="3"' in html and 'value="2026"' in html
    bad = Sample({"text": "x", "title": "T", "when_day": "31", "when_month": "2", "when_year": "2026"})
    assert not bad.is_valid() and "when" in bad.errors


def test_an_alert_carries_dkfds_icon_and_body_around_the_callers_own_text():
    html = Template(
        '{% load dkfds %}{% alert "warning" role="note" heading="Bemærk" %}<p class="alert-text">Fristen er tæt på.</p>'
        "{% endalert %}"
    ).render(Context())
    assert '<div class="alert alert-warning" role="note">' in html
    assert 'class="icon-svg alert-icon"' in html and "#warning" in html
    assert '<div class="alert-body">' in html and '<h2 class="alert-heading h3">Bemærk</h2>' in html
    assert "Fristen er tæt på." in html


def test_an_error_alert_is_announced_unless_the_page_says_otherwise():
    announced = Template('{% load dkfds %}{% alert "error" %}<p class="alert-text">Fejl</p>{% endalert %}').render(
        Context()
    )
    assert 'role="alert"' in announced
    quiet = Template('{% load dkfds %}{% alert "info" %}<p class="alert-text">Til info</p>{% endalert %}').render(
        Context()
    )
    assert "role=" not in quiet


def test_an_alert_without_a_variant_is_a_template_error():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load dkfds %}{% alert %}x{% endalert %}")


class Choices(forms.Form):
    channel = forms.ChoiceField(label="Kontaktform", choices=[("", "---------"), ("phone", "Telefon")], required=False)
    scope = forms.ChoiceField(label="KLE-emne", choices=[("", "---------"), ("27", "27")], required=False)
    department = forms.ChoiceField(label="Afdeling", choices=[("", "Alle afdelinger"), ("1", "Ældre")], required=False)


def test_a_selects_empty_choice_asks_in_words_instead_of_dashes():
    html = Template("{% for field in form %}{% include 'includes/field.html' with field=field %}{% endfor %}").render(
        Context({"form": Choices()})
    )
    assert "---------" not in html
    assert '<option value="" selected>Vælg kontaktform</option>' in html
    assert '<option value="" selected>Vælg KLE-emne</option>' in html  # an abbreviation keeps its capitals
    assert '<option value="" selected>Alle afdelinger</option>' in html  # the form's own wording stays
    assert Choices().fields["channel"].widget.choices[0] == ("", "---------")  # the form itself is not changed


@pytest.mark.django_db
def test_a_model_choice_asks_in_words_and_reads_its_rows_once(django_assert_num_queries):
    from accounts.models import Committee

    class Pick(forms.Form):
        committee = forms.ModelChoiceField(label="Udvalg", queryset=Committee.objects.order_by("name"), required=False)

    with django_assert_num_queries(1):
        html = Template("{% include 'includes/field.html' with field=form.committee %}").render(
            Context({"form": Pick()})
        )
    assert '<option value="" selected>Vælg udvalg</option>' in html
