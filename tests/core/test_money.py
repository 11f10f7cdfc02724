"""Money in øre, shown and read the Danish way."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.money import KronerField, format_kroner, parse_kroner


@pytest.mark.parametrize(
    ("ore", "shown"),
    [(7_500_000, "75.000 kr."), (125_050, "1.250,50 kr."), (0, "0 kr."), (-30_000, "-300 kr."), (5, "0,05 kr.")],
)
def test_format(ore, shown):
    assert format_kroner(ore) == shown


@pytest.mark.parametrize(
    ("typed", "ore"),
    [("75.000", 7_500_000), ("75000", 7_500_000), ("75 000", 7_500_000), ("75.000,5", 7_500_050), ("12,50 kr.", 1250)],
)
def test_parse(typed, ore):
    assert parse_kroner(typed) == ore


@pytest.mark.parametrize("typed", ["", "abc", "1,234", "7.50", "-5", "1.2345", "75.000,505"])
def test_parse_refuses_what_is_not_an_amount(typed):
    with pytest.raises(ValidationError):
        parse_kroner(typed)


def test_field_error_in_english():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            KronerField().clean("tyve")
        assert error.value.messages == [
            "Write an amount in whole kroner, e.g. 75.000, with øre after a comma if needed (75.000,50)."
        ]
