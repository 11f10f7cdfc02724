"""What a reader is shown of moderated text (ideas.models.Moderated): the pages ask the model's one rule with the
page's `show_hidden` (who may see hidden text); a page that does not say shows nobody hidden text.

    {% load moderation %}
    {% shown_title idea %}                          the title, or "Skjult idé" while it is hidden from her
    {% hidden_from_reader comment as hidden %}      True: show the moderator's reason instead of the text
"""

from django import template

register = template.Library()


def _show_hidden(context) -> bool:
    return bool(context.get("show_hidden", False))


@register.simple_tag(takes_context=True)
def hidden_from_reader(context, obj) -> bool:
    return obj.hidden_from(show_hidden=_show_hidden(context))


@register.simple_tag(takes_context=True)
def shown_title(context, idea) -> str:
    return idea.title_for(show_hidden=_show_hidden(context))
