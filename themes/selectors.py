"""Reads of the theme taxonomy."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from themes.models import SuggestionModel, Theme
from themes.permissions import can_manage_themes


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(active=True).order_by("name")


def themes_for_management(*, user: User) -> QuerySet[Theme]:
    if not can_manage_themes(user):
        return Theme.objects.none()
    return Theme.objects.order_by("-active", "name")


def access_theme_for_management_by_id(*, user: User, theme_id: int) -> Theme:
    """The theme, or 404 when it does not exist or the user may not manage themes."""
    theme = themes_for_management(user=user).filter(id=theme_id).first()
    if theme is None:
        raise Http404
    return theme


def current_suggestion_model() -> SuggestionModel | None:
    """The model in use (the newest), without its blob."""
    return SuggestionModel.objects.defer("blob").order_by("-created_at", "-id").first()
