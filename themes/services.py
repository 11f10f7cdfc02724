"""Writes of the theme taxonomy, training the suggestion model, and suggesting themes from text.

scikit-learn (themes.classifier) is imported only where a model is trained or used, never when Django starts:
it costs seconds and tens of MB in every process, most of which never suggest a theme.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import record_staff_action
from core.queue import enqueue_on_commit
from themes.models import SuggestionModel, Theme, ThemeSuggestion
from themes.permissions import can_manage_themes
from themes.sources import Example, gather_examples

if TYPE_CHECKING:
    from themes.classifier import ThemeClassifier

logger = logging.getLogger(__name__)

KEEP_MODELS = 3
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _unique_slug(name: str, *, exclude_id: int | None = None) -> str:
    base = slugify(name.translate(_DANISH_LETTERS))[:90] or "emne"
    slug, number = base, 2
    while Theme.objects.filter(slug=slug).exclude(id=exclude_id).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _validate(theme: Theme) -> None:
    errors: dict[str, list[str]] = {}
    try:
        theme.full_clean(exclude=["slug"], validate_constraints=False)
    except ValidationError as error:
        errors = error.message_dict
    name = theme.name
    if name and Theme.objects.filter(name__iexact=name).exclude(id=theme.id).exists():
        errors.setdefault("name", []).append(_("Der findes allerede et emne med det navn."))
    if errors:
        raise ValidationError(errors)


def create_theme(*, actor: User, name: str, description: str = "", active: bool = True) -> Theme:
    if not can_manage_themes(actor):
        raise PermissionDenied
    theme = Theme(name=name.strip(), description=description.strip(), active=active)
    _validate(theme)
    with transaction.atomic():
        theme.slug = _unique_slug(theme.name)
        theme.save()
        record_staff_action(
            actor=actor, action="themes.create_theme", target=theme, details={"name": theme.name, "active": active}
        )
    return theme


def update_theme(*, actor: User, theme: Theme, name: str, description: str, active: bool) -> Theme:
    """Rename, describe, or (de)activate a theme. The slug stays, so links keep working."""
    if not can_manage_themes(actor):
        raise PermissionDenied
    before = {"name": theme.name, "description": theme.description, "active": theme.active}
    theme.name = name.strip()
    theme.description = description.strip()
    theme.active = active
    _validate(theme)
    after = {"name": theme.name, "description": theme.description, "active": theme.active}
    with transaction.atomic():
        theme.save(update_fields=["name", "description", "active", "updated_at"])
        changes = {field: [before[field], value] for field, value in after.items() if before[field] != value}
        record_staff_action(actor=actor, action="themes.update_theme", target=theme, details=changes)
    return theme


def request_model_training(*, actor: User) -> None:
    """Someone who manages themes asks for the suggestion model to be trained now instead of tonight."""
    if not can_manage_themes(actor):
        raise PermissionDenied
    enqueue_on_commit("themes.tasks.train_suggestion_model")


def train_suggestion_model(*, examples: list[Example] | None = None) -> SuggestionModel | None:
    """Train on the items staff have themed, measure on a held-back share, store the model.

    Without `examples`, they are gathered from the registered sources (themes.sources).
    Returns None, and keeps the model in use, when there is too little to learn from.
    """
    from themes import classifier

    if examples is None:
        examples = gather_examples(limit_per_source=settings.THEME_TRAINING_MAX_EXAMPLES)
    learnable = classifier.trainable_themes(examples, min_examples=settings.THEME_TRAINING_MIN_EXAMPLES_PER_THEME)
    examples = [(text, [t for t in theme_ids if t in learnable]) for text, theme_ids in examples]
    examples = [(text, theme_ids) for text, theme_ids in examples if theme_ids and text.strip()]
    if len(learnable) < 2:
        logger.info("Theme suggestion not trained: %s themes with enough examples", len(learnable))
        return None
    training, held_back = classifier.split(examples, holdout_share=settings.THEME_SUGGESTION_HOLDOUT_SHARE)
    metrics = None
    if len(classifier.trainable_themes(training, min_examples=1)) >= 2:
        measured = classifier.train(training)
        metrics = classifier.evaluate(
            measured,
            held_back,
            min_score=settings.THEME_SUGGESTION_MIN_SCORE,
            max_themes=settings.THEME_SUGGESTION_MAX,
        )
    final = classifier.train(examples)
    with transaction.atomic():
        model = SuggestionModel.objects.create(
            examples=len(examples),
            holdout=metrics.evaluated if metrics else 0,
            themes=len(final.theme_ids),
            top1_accuracy=metrics.top1_accuracy if metrics else None,
            micro_f1=metrics.micro_f1 if metrics else None,
            blob=classifier.dumps(final),
        )
        stale = SuggestionModel.objects.order_by("-created_at", "-id").values_list("id", flat=True)[KEEP_MODELS:]
        SuggestionModel.objects.filter(id__in=list(stale)).delete()
    return model


class _LoadedModel:
    """The model in use, loaded once per process and reloaded when a newer one is stored."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: tuple[int, ThemeClassifier] | None = None

    def get(self) -> ThemeClassifier | None:
        newest = SuggestionModel.objects.order_by("-created_at", "-id").values_list("id", flat=True).first()
        if newest is None:
            return None
        with self._lock:
            if self._loaded is None or self._loaded[0] != newest:
                from themes import classifier

                blob = SuggestionModel.objects.values_list("blob", flat=True).get(id=newest)
                self._loaded = (newest, classifier.loads(bytes(blob)))
            return self._loaded[1]


_model_in_use = _LoadedModel()


def suggest_themes(*, text: str) -> list[tuple[Theme, float]]:
    """Active themes the text is likely about, most likely first, with the probability (0–1).

    Empty when no model has been trained yet. Nothing is stored or applied here:
    the app that owns the item keeps the suggestion for staff to confirm or change.
    """
    model = _model_in_use.get() if text.strip() else None
    if model is None:
        return []
    suggested = model.suggest(
        text, min_score=settings.THEME_SUGGESTION_MIN_SCORE, max_themes=settings.THEME_SUGGESTION_MAX
    )
    themes = Theme.objects.filter(active=True).in_bulk([theme_id for theme_id, _score in suggested])
    return [(themes[theme_id], score) for theme_id, score in suggested if theme_id in themes]


def store_theme_suggestions(*, item: models.Model, text: str) -> list[ThemeSuggestion]:
    """Suggest themes for a complaint, an idea or any item with `themes_suggested_at` and `theme_suggestions`
    (a ThemeSuggestion table), and keep them for staff. Run after the item's transaction commits (a task).

    Once per item, however often it runs or races: the item is claimed with a conditional update of
    `themes_suggested_at`, and only the run that claims it stores. No model trained yet: nothing to store,
    and the item counts as suggested for.
    """
    pending = type(item).objects.filter(id=item.id, themes_suggested_at__isnull=True)
    if not pending.exists():
        return []
    suggested = suggest_themes(text=text)
    store = item.theme_suggestions
    with transaction.atomic():
        if not pending.update(themes_suggested_at=timezone.now()):
            return []
        return store.model.objects.bulk_create(
            [store.model(**{store.field.name: item}, theme=theme, score=score) for theme, score in suggested]
        )
