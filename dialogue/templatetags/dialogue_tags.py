"""Pieces of a thread that other apps' pages show: the way into the thread, and a shared summary's state."""

from django import template

from dialogue.models import Message, Thread
from dialogue.permissions import is_citizen_side_participant
from dialogue.selectors import answer_to, unread_count

register = template.Library()


@register.inclusion_tag("dialogue/includes/thread_panel.html", takes_context=True)
def thread_panel(context, thread: Thread) -> dict:
    """The thread's place on its subject's page: how many messages wait for the reader, and the link."""
    user = context["request"].user
    return {
        "thread": thread,
        "unread": unread_count(thread=thread, user=user),
        "count": thread.messages.count(),
        "is_citizen": is_citizen_side_participant(user, thread),
    }


@register.inclusion_tag("dialogue/includes/summary_state.html", takes_context=True)
def summary_state(context, message: Message | None, share_url: str) -> dict:
    """A summary's way into the thread: the button that shares it, or, once shared, the citizen's answer."""
    return {
        "message": message,
        "answer": answer_to(summary=message) if message else None,
        "share_url": share_url,
        "csrf_token": context.get("csrf_token"),
    }
