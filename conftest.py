"""pytest's root: the repository root is on sys.path (so the test folders import shared code as tests.support),
the shared fixtures are registered, and every test must carry exactly one tier marker (see pyproject.toml)."""

from __future__ import annotations

import pytest

pytest_plugins = [
    "tests.support.fixtures",
    "tests.faults.kill_report",
    "tests.faults.server_faults_once",
    "tests.support.scheduling",
    "tests.support.timeline",
    "tests.support.temp_files",
]


TIERS = ("unit", "contract", "browser", "acceptance", "faults", "realapp")


@pytest.hookimpl(tryfirst=True)  # before -m deselects: an unmarked test is refused whatever the selection
def pytest_collection_modifyitems(config, items):
    """A test without a tier, or with two, would escape `-m` selections or run in the wrong one: refuse to run."""
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
