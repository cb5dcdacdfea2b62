"""Adding a UI generation is one module per side and nothing else: in a copy of the project, a fourth generation
("future", from 12.0.0, with the newest generation's pages and locators) is declared by one new module in
mattermost_suite/generations and one in mattermost_standin/generations. Untouched, the rest of the copy then knows it:
the settings accept it, ui=auto picks it from the version, the stand-in serves it and reports 12.0.0, the tests'
parametrisation and the fault catalogue include it, and MM-T940 passes on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.support.constants import ADMIN_ENV, ROOT

COPIED = (
    "mattermost_suite",
    "mattermost_standin",
    "features",
    "steps",
    "tests",
    "environment.py",
    "behave.ini",
    "conftest.py",
    "pyproject.toml",
)
SUITE_MODULE = '''"""v12 and newer (a generation made up by a test)."""
from dataclasses import replace

from .current import GENERATION as CURRENT

GENERATION = replace(CURRENT, name="future", since=(12, 0, 0), summary="v12+")
'''
STANDIN_MODULE = '''"""v12 and newer (made up by a test): the newest generation's pages, reported as 12.0.0."""
from dataclasses import replace

from .current import GENERATION as CURRENT

GENERATION = replace(CURRENT, name="future", since=(12, 0, 0), version="12.0.0")
'''
CHECK = """
import mattermost_suite, mattermost_standin
from mattermost_suite import generations
from mattermost_suite.config import UI_CHOICES, load
from mattermost_standin.config import generation_of
from mattermost_standin.faults import FAULTS, applies
from tests.support.generations import UIS
from tests.faults.catalogue import UIS as FAULT_UIS, generations_of
assert mattermost_suite.__file__.startswith({copy!r}) and mattermost_standin.__file__.startswith({copy!r})
assert UIS[-1] == "future" and FAULT_UIS[0] == "future" and "future" in UI_CHOICES
assert generations.decide("auto", (12, 0, 0)) == "future" and generations.decide("auto", (11, 9, 0)) == "current"
assert generation_of("12.0.0") == "future" and load({{}}, {{"standin_ui": "future"}}, env={{}}).standin_ui == "future"
assert all(applies(fault, "future") == applies(fault, "current") for fault in FAULTS)
pages = [fault for fault, (kind, _) in FAULTS.items() if kind == "page"]
# future reads its pages with current's locators: it runs their page faults as the newest of the two
assert all("future" in generations_of(f) and "current" not in generations_of(f) for f in pages)
print("future is known everywhere")
"""
RUN_TIMEOUT = 240


@pytest.fixture(scope="module")
def copy_with_a_fourth_generation(tmp_path_factory):
    copy = tmp_path_factory.mktemp("future-generation") / "project"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))
        else:
            shutil.copy2(source, copy / name)
    (copy / "mattermost_suite" / "generations" / "future.py").write_text(SUITE_MODULE)
    (copy / "mattermost_standin" / "generations" / "future.py").write_text(STANDIN_MODULE)
    return copy


def _environment(copy) -> dict[str, str]:
    keep = {key: value for key, value in os.environ.items() if not key.startswith(("MM_", "PYTEST_"))}
    return {**keep, **ADMIN_ENV, "PYTHONPATH": str(copy), "MM_ALLURE_RESULTS": str(copy / "allure-results")}


@pytest.mark.unit
def test_one_module_per_side_makes_every_part_know_the_new_generation(copy_with_a_fourth_generation):
    copy = copy_with_a_fourth_generation
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(copy=str(copy))],
        cwd=copy,
        env=_environment(copy),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "future is known everywhere" in done.stdout, done.stdout + done.stderr


@pytest.mark.acceptance
def test_mm_t940_passes_on_the_new_generation_chosen_by_its_version(copy_with_a_fourth_generation):
    copy = copy_with_a_fourth_generation
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "behave",
            "-f",
            "plain",
            "--no-color",
            "--no-junit",
            "-D",
            "standin_ui=future",
            "-D",
            "standin_status_poll=1",
            "-D",
            "grid=off",
            "-D",
            "screenshots=failures",
            "-D",
            "devices=Desktop Chromium,Desktop app,iOS app,Android app",
        ],
        cwd=copy,
        env=_environment(copy),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    assert "Mattermost 12.0.0, future web app with the v9.4 wording" in done.stderr, done.stderr[-2000:]
    assert "2 scenarios passed, 0 failed, 1 skipped" in done.stdout, done.stdout[-2000:]
