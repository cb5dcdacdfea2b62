"""The web app's UI generations, as the suite knows them: one module per generation in this package, each declaring
GENERATION (its name, the first release that ships it, a summary, and every locator of it). Everything else reads
this registry: the settings' choices, `ui=auto`, the pages' locators, the tests' parametrisation. Adding a
generation is one new module here (and one in mattermost_standin/generations for the stand-in's pages).

The evidence for every boundary is in docs/generations.md. `-D ui=` overrides the choice for servers whose web app
differs from their version.

The confirmation's wording has a boundary of its own, inside the transitional generation: 9.4.0 shipped the header
button and "..., including your session." with the old users list (commit 5a4dba8, merged 2023-12-04 between the
9.3 and 9.4 branch cuts). The suite finds the button and the dialog by role and name in every generation, so the
wording is the only thing that changed there: `wording_of` names it, and the feature's Examples are chosen by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mattermost_standin.generations import Registry
from mattermost_suite.errors import PreflightError

if TYPE_CHECKING:  # the generations' modules import the pages' locators, which import this registry
    from mattermost_suite.pages.locators import Locators

Version = tuple[int, int, int]

# The confirmation message's wordings, by the first web app that shows each (the Examples' @use.with_wording tags).
WORDINGS = {"v5.16": (5, 16, 0), "v9.4": (9, 4, 0)}


@dataclass(frozen=True)
class Generation:
    name: str
    since: Version  # the first release whose web app is this generation
    summary: str  # the releases and what tells it apart, for the settings' table
    locators: Locators


# The stand-in's registry type: the same discovery, over this package's modules.
REGISTRY = Registry(__name__, __path__)
names = REGISTRY.names


def generation(name: str) -> Generation:
    return REGISTRY.by_name[name]


def locators_of(name: str) -> Locators:
    return generation(name).locators


def parse_version(version_id: str) -> Version:
    """'9.11.0.12345.abc.false' -> (9, 11, 0): the first three dot-separated parts are the semantic version."""
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)", version_id or "")
    if not match:
        raise PreflightError(f"cannot read the server version from X-Version-Id {version_id!r}")
    return tuple(int(part) for part in match.groups())  # type: ignore[return-value]


def decide(setting: str, version: Version) -> str:
    """'auto': the newest generation the version has reached (the oldest for anything older); a name overrides."""
    if setting != "auto":
        return setting
    reached = REGISTRY.reached_by(version)
    return reached[-1].name if reached else names()[0]


def wording_of(version: Version) -> str:
    """The wording the version's web app shows: the newest one it has reached (the oldest for anything older)."""
    reached = [name for name, since in WORDINGS.items() if version >= since]
    return reached[-1] if reached else list(WORDINGS)[0]
