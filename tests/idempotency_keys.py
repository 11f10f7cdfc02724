"""The hidden idempotency key a page's form carries (core.idempotency.IdempotentForm), read from its HTML."""

import re

HIDDEN_KEY = re.compile(r'name="idempotency_key" value="([0-9a-f]{32})"')


def hidden_key(html: str) -> str:
    return HIDDEN_KEY.search(html).group(1)
