"""Secrets that must never reach a log, stdout or an Allure attachment.

Every password, session token and CSRF value the suite handles is registered here the moment it is seen,
so that `mask()` can scrub any text (page source, console log, REST evidence) before it is written.
"""

from __future__ import annotations

import re
import threading

MASK = "******"

# Shapes that carry a secret even when the value was never registered (e.g. a cookie the browser set).
_PATTERNS = [
    re.compile(r"(?i)((?:MMAUTHTOKEN|MMCSRF)=)([^;\s\"'&]+)"),
    re.compile(r"(?i)(\"?(?:token|password|csrf|access_token)\"?\s*[:=]\s*\"?)([^\"\s,;&}]+)"),
    re.compile(r"(?i)(Bearer\s+)([A-Za-z0-9._~+/=-]+)"),
]


class Secret:
    """A string that prints as a mask; call reveal() only where the value is really sent."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value
        register(value)

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"Secret({MASK})"

    __str__ = __repr__


_known: set[str] = set()
_lock = threading.Lock()


def register(value: str | None) -> None:
    """Remember a secret value so that mask() removes it from any text."""
    if value and len(value) >= 4:
        with _lock:
            _known.add(value)


def mask(text: str) -> str:
    """Return text with every registered secret and every secret-shaped value replaced by MASK."""
    if not text:
        return text
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for value in known:
        text = text.replace(value, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def known_secrets() -> list[str]:
    """The registered values (for tests that search reports for leaks)."""
    with _lock:
        return list(_known)
