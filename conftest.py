"""pytest's root: the repository root is on sys.path (so the test folders import shared code as tests.support),
the shared fixtures are registered, every test must carry exactly one tier marker (see pyproject.toml), and the
modules run heaviest tier first."""

from __future__ import annotations

import pytest

pytest_plugins = ["tests.support.fixtures", "tests.faults.kill_report", "tests.faults.scheduling"]

TIERS = ("unit", "contract", "browser", "acceptance", "faults")  # lightest to heaviest


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
    heaviest_first(items)


def heaviest_first(items) -> None:
    """Each module runs as a whole, its heaviest tier's modules first (faults, acceptance, browser, contract, unit),
    in file order within a tier: the workers that start the long runs first end together, the quick tests filling
    the end (tests/faults/scheduling.py keeps this order under xdist)."""
    weight: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        weight[module] = max(weight.get(module, 0), TIERS.index(_tier(item)))
    modules = list(weight)
    items.sort(key=lambda item: (-weight[item.nodeid.split("::", 1)[0]], modules.index(item.nodeid.split("::", 1)[0])))


def _tier(item) -> str:
    return next(mark.name for mark in item.iter_markers() if mark.name in TIERS)
