"""Which web-app generation the server ships, decided from its version (X-Version-Id).

Boundaries (sources in docs/generations.md):
- 7.0.0 "transitional": the release notes of v7.0 (mattermost/docs legacy-self-hosted-changelog) list "Applied new
  designs for the Login screen" and the new onboarding task list; the System Console > Users page is still the old one.
- 9.6.0 "current": the v9.6 release notes (mattermost/docs mattermost-v9-changelog) list "Re-designed the System
  Console > User Management screen"; the header RevokeSessionsButton brings the "...including your session..." wording.
`-D ui=` overrides the choice for servers whose web app differs from their version.

The confirmation's wording has a boundary of its own, between those two: 9.4.0 shipped the header button and
"..., including your session." with the old users list (commit 5a4dba8, merged 2023-12-04 between the 9.3 and 9.4
branch cuts). The suite finds the button and the dialog by role and name in every generation, so the wording is the
only thing that changed there: `wording_of` names it, and the feature's Examples are chosen by it.
"""

from __future__ import annotations

import re

from .errors import PreflightError

TRANSITIONAL_SINCE = (7, 0, 0)
CURRENT_SINCE = (9, 6, 0)
GENERATIONS = ("legacy", "transitional", "current")
# The confirmation message's wordings, by the first web app that shows each (the Examples' @use.with_wording tags).
WORDINGS = {"v5.16": (5, 16, 0), "v9.4": (9, 4, 0)}


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


def wording_of(version: tuple[int, int, int]) -> str:
    """The wording the version's web app shows: the newest one it has reached (the oldest for anything older)."""
    reached = [name for name, since in WORDINGS.items() if version >= since]
    return reached[-1] if reached else next(iter(WORDINGS))
