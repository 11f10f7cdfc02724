"""A double click, a resent form or a retried API call creates one thing, not two.

Every door that creates something carries a key the client made: a hidden `idempotency_key` in the page's form
(`IdempotentForm` adds it, with a fresh value each time the form is shown) and the `Idempotency-Key` header in
the API (`key_from_request`). The door runs the service through `once`; a repeat with the same key by the same
person returns what the first made (the page redirects to it again, the API answers with it again).

The key's row is inserted in the same transaction as the create: a second request with the key waits on the
unique index until the first commits and then gets the first's result; if the first failed (bad input),
nothing is kept and the same key may be used again.
"""

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter

from core.forms import add_service_errors
from core.models import IdempotencyKey

# A repeat comes within seconds (a double click) or minutes (a client's retries); keys older than this go.
KEPT_FOR = timedelta(days=7)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
HEADER = "Idempotency-Key"

M = TypeVar("M", bound=models.Model)


def once(*, action: str, actor_id: int, key: str, model: type[M], create: Callable[[], M]) -> M:
    """`create()` once per (action, actor, key); a repeat returns the first call's object. No key: just create."""
    if not key:
        return create()
    if not KEY_PATTERN.match(key):
        raise ValidationError({"idempotency_key": _("Nøglen skal være 1 til 64 tegn: bogstaver a-z, tal og . _ : -")})
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(action=action, actor_id=actor_id, key=key)
        except IntegrityError:
            stored = IdempotencyKey.objects.get(action=action, actor_id=actor_id, key=key)
            first = model._default_manager.filter(pk=stored.result_id).first()
            if first is None:  # made, and removed since (a Bilag taken off again): nothing to answer with
                message = _("Det her er allerede sendt én gang og siden fjernet.")
                raise ValidationError({"idempotency_key": message}) from None
            return first
        result = create()
        IdempotencyKey.objects.filter(pk=record.pk).update(result_id=result.pk)
    return result


def earlier(*, action: str, actor_id: int, key: str, model: type[M]) -> M | None:
    """What a committed earlier call with this key made, or None. For a door whose form no longer validates once
    the first call has run (the invited party is gone from the choices, the seat is taken): ask this before the
    form, and answer the repeat with the first result instead of the form's error."""
    if not key or not KEY_PATTERN.match(key):
        return None
    stored = IdempotencyKey.objects.filter(action=action, actor_id=actor_id, key=key)
    result_id = stored.values_list("result_id", flat=True).first()
    return None if result_id is None else model._default_manager.filter(pk=result_id).first()


IDEMPOTENCY_HEADER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="A key the client makes (1-64 characters of A-Z a-z 0-9 . _ : -); sent again with the same key, "
    "the request returns what the first made instead of making it twice.",
)


def purge_old_keys(*, now: datetime | None = None) -> int:
    """Forget keys older than KEPT_FOR (a daily beat job); returns how many went."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    deleted, _by_model = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def key_from_request(request) -> str:
    """The API's `Idempotency-Key` header ("" without one)."""
    return request.headers.get(HEADER, "").strip()


def run_form_service(
    form, *, user, run: Callable[[], object], once_as: tuple[str, type[models.Model]] | None = None
) -> bool:
    """A valid form's service on a page that serves several (its `once_as`, (action name, model), runs it once per
    the form's key, as `IdempotentForm.run_once`; without it, it just runs). A service's ValidationError goes onto
    the form; True when the service ran."""
    if once_as:
        return form.run_once(user=user, action=once_as[0], model=once_as[1], create=run) is not None
    try:
        run()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


def request_once(request, *, action: str, model: type[M], create: Callable[[], M]) -> M:
    """The API door's `once`: the caller is the actor, the key is the request's `Idempotency-Key` header."""
    return once(action=action, actor_id=request.user.id, key=key_from_request(request), model=model, create=create)


class IdempotentForm(forms.Form):
    """A form with the hidden key; after validation it is `form.idempotency_key`, not in `cleaned_data` (so
    `**form.cleaned_data` still fits the service). Put it first in the form's bases."""

    idempotency_key = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput, initial=lambda: uuid.uuid4().hex
    )

    def clean(self):
        data = super().clean()
        self.idempotency_key = data.pop("idempotency_key", "") or ""
        return data

    def run_once(self, *, user, action: str, model: type[M], create: Callable[[], M]) -> M | None:
        """The page door's `once`, for a valid form: `user` is the actor, the key is this form's. A service's
        ValidationError goes onto the form (`add_service_errors`) and the answer is None, so the door shows
        the form again; otherwise the answer is what `create` made (or made the first time)."""
        try:
            return once(action=action, actor_id=user.id, key=self.idempotency_key, model=model, create=create)
        except ValidationError as error:
            add_service_errors(self, error)
            return None
