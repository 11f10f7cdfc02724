"""How an event's time and place read on a page and in an e-mail, the Danish way."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from events.models import Event
from events.services import when

register = template.Library()


@register.filter
def event_when(event: Event) -> str:
    """ "11. juni 2015 kl. 14:00–15:30", or both moments in full when it runs over several days."""
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    if starts.date() == ends.date():
        return _("%(start)s–%(end)s") % {"start": when(event.starts_at), "end": formats.time_format(ends, "H:i")}
    return _("%(start)s til %(end)s") % {"start": when(event.starts_at), "end": when(event.ends_at)}


@register.filter
def event_place(event: Event) -> str:
    if event.address and event.online_url:
        return _("%(address)s og online: %(url)s") % {"address": event.address, "url": event.online_url}
    return event.address or _("Online: %(url)s") % {"url": event.online_url}
