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
# What mask() reads: the values longest first, and grouped by length; rebuilt after a registration.
_lookup: tuple[list[str], dict[int, frozenset[str]]] | None = None


def register(value: str | None) -> None:
    """Remember a secret value so that mask() removes it from any text."""
    global _lookup
    if value and len(value) >= 4:
        with _lock:
            if value not in _known:
                _known.add(value)
                _lookup = None


def mask(text: str) -> str:
    """Return text with every registered secret and every secret-shaped value replaced by MASK."""
    if not text:
        return text
    for value in _registered_in(text, *_current_lookup()):
        text = text.replace(value, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def _current_lookup() -> tuple[list[str], dict[int, frozenset[str]]]:
    global _lookup
    with _lock:
        if _lookup is None:
            longest_first = sorted(_known, key=len, reverse=True)
            by_length: dict[int, set[str]] = {}
            for value in longest_first:
                by_length.setdefault(len(value), set()).add(value)
            _lookup = longest_first, {n: frozenset(values) for n, values in by_length.items()}
        return _lookup


def _registered_in(text: str, longest_first: list[str], by_length: dict[int, frozenset[str]]) -> list[str]:
    """The registered values to replace in `text`, longest first. With many secrets (a run with 1,000 app
    sessions registers 1,000 tokens) and a short text, looking each of the text's windows up in a set is much
    cheaper than trying every secret; a long text is scanned once per secret instead."""
    windows = sum(max(0, len(text) - n + 1) for n in by_length)
    if windows >= len(longest_first):
        return longest_first
    found = {
        text[start : start + n]
        for n, values in by_length.items()
        for start in range(len(text) - n + 1)
        if text[start : start + n] in values
    }
    return sorted(found, key=len, reverse=True)


def known_secrets() -> list[str]:
    """The registered values (for tests that search reports for leaks)."""
    with _lock:
        return list(_known)
