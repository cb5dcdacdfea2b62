"""Which web-app generation the server ships, decided from its version (X-Version-Id).

Boundary choice: the reference dates the redesigned System Console > Users (button in the header, GenericModal,
the "...including your session..." wording) to roughly v9.3-v9.5 (exact release UNCONFIRMED). We take 9.5.0, the
first ESR after the redesign landed: below it "legacy", from it "current". Page objects also tolerate the
neighbouring era's DOM, so only the expected wording depends on this choice; `-D ui=` overrides it.
"""
from __future__ import annotations

import re

from .errors import PreflightError

CURRENT_SINCE = (9, 5, 0)


def parse_version(version_id: str) -> tuple[int, int, int]:
    """'9.11.0.12345.abc.false' -> (9, 11, 0): the first three dot-separated parts are the semantic version."""
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)", version_id or "")
    if not match:
        raise PreflightError(f"cannot read the server version from X-Version-Id {version_id!r}")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def decide(setting: str, version: tuple[int, int, int]) -> str:
    """'auto' follows the version; 'current'/'legacy' are explicit overrides."""
    if setting != "auto":
        return setting
    return "current" if version >= CURRENT_SINCE else "legacy"
