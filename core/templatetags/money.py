from django import template

from core.money import format_kroner

register = template.Library()


@register.filter
def kroner(ore: int | None) -> str:
    """{{ amount|kroner }}: øre shown the Danish way, 75.000 kr."""
    return format_kroner(ore)
