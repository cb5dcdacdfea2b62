"""pytest's root: the repository root is on sys.path (so the test folders import shared code as tests.support),
the shared fixtures are registered, and every test must carry exactly one tier marker (see pyproject.toml)."""

from __future__ import annotations

import pytest

pytest_plugins = ["tests.support.fixtures", "tests.faults.kill_report", "tests.support.scheduling"]
# Units of work that take minutes (behave runs on Mattermost's own web app, whose status poll is 60 s): handed out
# first, so that the other workers fill the time around them instead of waiting for them at the end.
LONG_FIRST = ("tests/realapp/",)

TIERS = ("unit", "contract", "browser", "acceptance", "faults", "realapp")


@pytest.hookimpl(tryfirst=True)  # before -m deselects: an unmarked test is refused whatever the selection
def pytest_collection_modifyitems(config, items):
    """A test without a tier, or with two, would escape `-m` selections or run in the wrong one: refuse to run.
    Then the long units go first (LONG_FIRST), each module keeping its order."""
    wrong = []
    for item in items:
        tiers = sorted({mark.name for mark in item.iter_markers() if mark.name in TIERS})
        if len(tiers) != 1:
            wrong.append(f"{item.nodeid}: {', '.join(tiers) or 'no tier marker'}")
    if wrong:
        raise pytest.UsageError(
            f"every test needs exactly one of the markers {', '.join(TIERS)} (pytestmark or a decorator):\n  "
            + "\n  ".join(wrong)
        )
    items.sort(key=lambda item: not item.nodeid.startswith(LONG_FIRST))
