"""Masking for evidence: structural (token-bearing keys) first, then textual (registered secrets, shapes)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from mattermost_suite.secrets import MASK, mask

# A key containing one of these words carries a credential whatever its value looks like
# (e.g. Mattermost's session "token", props "csrf", a login body's "password", a "Cookie" header).
SECRET_KEY_WORDS = ("token", "csrf", "password", "passwd", "secret", "cookie", "authorization")


def is_secret_key(key: object) -> bool:
    lowered = str(key).lower()
    return any(word in lowered for word in SECRET_KEY_WORDS)


def mask_data(data: Any) -> Any:
    """A copy of JSON-like data with secret-keyed values blanked and every string masked."""
    if isinstance(data, Mapping):
        return {str(k): (MASK if is_secret_key(k) and v not in (None, "") else mask_data(v)) for k, v in data.items()}
    if isinstance(data, (list, tuple, set, frozenset)):
        return [mask_data(item) for item in data]
    if isinstance(data, str):
        return mask(data)
    if data is None or isinstance(data, (bool, int, float)):
        return data
    return mask(str(data))


def masked_json(data: Any) -> str:
    """Pretty JSON of masked data; the text is masked once more in case a secret hid in a key."""
    return mask(json.dumps(mask_data(data), indent=2, ensure_ascii=False, default=str))


def mask_text(text: str | bytes | None) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return mask(text)
