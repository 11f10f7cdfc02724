"""Checking the success message a page door sets after a write (Django's messages as DKFDS alerts, base.html)."""

import html
import re

# includes/messages.html: the alert, its icon, then the body; never across into another alert.
ALERT = re.compile(
    r'<div class="alert alert-(?P<variant>\w+)" role="\w+">(?:(?!<div class="alert ).)*?'
    r'<div class="alert-body"><p class="alert-text">(?P<text>.*?)</p>',
    re.S,
)


def alerts(response) -> list[tuple[str, str]]:
    """The messages a page shows, as (variant, text)."""
    page = response.content.decode()
    return [(m["variant"], html.unescape(m["text"]).strip()) for m in ALERT.finditer(page)]


def assert_told(response, text: str, *, variant: str = "success") -> None:
    """The door redirected (the client followed: `follow=True`) and the page it led to shows `text` as a message."""
    assert response.redirect_chain, f"no redirect: {response.status_code}"
    assert response.status_code == 200, response.status_code
    assert (variant, text) in alerts(response), alerts(response)
