from django import template
from django.contrib.auth.models import AnonymousUser

from accounts.navigation import main_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_items(context):
    """The header's menu for the request's user, each item marked current when the page lies under it."""
    request = context["request"]
    # A page answered before the authentication middleware ran (a 400 for a malformed request) has no user.
    items = main_menu(getattr(request, "user", None) or AnonymousUser())
    current = max((item.url for item in items if request.path.startswith(item.url)), key=len, default=None)
    return [{"label": item.label, "url": item.url, "current": item.url == current} for item in items]
