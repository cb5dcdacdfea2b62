"""Which web-app generation the server ships, decided from its version (X-Version-Id).

Boundaries (sources in docs/generations.md):
- 7.0.0 "transitional": the release notes of v7.0 (mattermost/docs legacy-self-hosted-changelog) list "Applied new
  designs for the Login screen" and the new onboarding task list; the System Console > Users page is still the old one.
- 9.6.0 "current": the v9.6 release notes (mattermost/docs mattermost-v9-changelog) list "Re-designed the System
  Console > User Management screen"; the header RevokeSessionsButton brings the "...including your session..." wording.
`-D ui=` overrides the choice for servers whose web app differs from their version.
"""

from __future__ import annotations

import re

from .errors import PreflightError

TRANSITIONAL_SINCE = (7, 0, 0)
CURRENT_SINCE = (9, 6, 0)
GENERATIONS = ("legacy", "transitional", "current")


def parse_version(version_id: str) -> tuple[int, int, int]:
    """'9.11.0.12345.abc.false' -> (9, 11, 0): the first three dot-separated parts are the semantic version."""
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)", version_id or "")
    if not match:
        raise PreflightError(f"cannot read the server version from X-Version-Id {version_id!r}")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def decide(setting: str, version: tuple[int, int, int]) -> str:
    """'auto' follows the version; 'legacy'/'transitional'/'current' are explicit overrides."""
    if setting != "auto":
        return setting
    if version >= CURRENT_SINCE:
        return "current"
    return "transitional" if version >= TRANSITIONAL_SINCE else "legacy"
