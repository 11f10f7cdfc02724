"""What apps above complaints show on a complaint's page, without complaints knowing them.

An app registers a panel in its AppConfig.ready(): a function `(request, complaint, can_handle) -> str`
giving the HTML of its part of the page (or "" when it has nothing to show). Panels are shown in the
order they were registered, after the complaint's own facts and documents.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

from complaints.models import Complaint

Panel = Callable[[HttpRequest, Complaint, bool], str]

_panels: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel not in _panels:
        _panels.append(panel)


def render_panels(*, request: HttpRequest, complaint: Complaint, can_handle: bool) -> list[SafeString]:
    return [SafeString(html) for panel in _panels if (html := panel(request, complaint, can_handle))]
