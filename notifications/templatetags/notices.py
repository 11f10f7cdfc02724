from django import template

from notifications.selectors import unread_notice_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notices(context) -> int:
    """How many of the logged-in person's notices she has not seen (0 for the public): the header's count."""
    user = getattr(context["request"], "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_notice_count(user=user)
