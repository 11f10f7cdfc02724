"""Every form's labels start with a capital letter (issue 9, journey 17), in Danish and English: a label written
in the form, or taken from a model's lower-case verbose_name, is checked on every form class of the product."""

import importlib

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.utils import translation


def product_apps() -> list[str]:
    return [app.name for app in apps.get_app_configs() if app.path.startswith(str(settings.BASE_DIR))]


def product_forms() -> list[type[forms.BaseForm]]:
    for name in product_apps():
        try:
            importlib.import_module(f"{name}.forms")
        except ModuleNotFoundError:
            continue

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    ours = set(product_apps())
    return sorted({cls for cls in below(forms.BaseForm) if cls.__module__.split(".")[0] in ours}, key=str)


def test_the_product_has_forms_to_check():
    assert len(product_forms()) > 40


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_label_starts_with_a_capital_letter(language):
    with translation.override(language):
        small = [
            f"{form.__module__}.{form.__name__}.{name}: {field.label}"
            for form in product_forms()
            for name, field in form.base_fields.items()
            if field.label and str(field.label)[0].islower()
        ]
    assert not small, small


@pytest.mark.django_db
def test_the_escalation_settings_take_and_show_a_danish_decimal():
    from escalations.forms import SettingsForm

    with translation.override("da"):
        form = SettingsForm({"threshold": "5", "window_days": "30", "rise_factor": "2,5"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["rise_factor"] == 2.5
        assert 'value="2,5"' in str(SettingsForm(initial={"rise_factor": 2.5})["rise_factor"])
