"""The suite uses behave only through its public interface (hooks, fixtures, tags, the runner setting), so that a
behave upgrade cannot break it silently; the runner that keeps a refused run's exit code is the one the run needs."""

from __future__ import annotations

import re

import pytest

from tests.support.behave_runs import run_behave
from tests.support.constants import ROOT

SUITE = [
    *sorted((ROOT / "mattermost_suite").rglob("*.py")),
    *sorted((ROOT / "steps").rglob("*.py")),
    ROOT / "environment.py",
]
# behave's private helpers that the run once leaned on, a hard exit that skips every cleanup, and any private
# attribute of behave's context, runner or registry.
FORBIDDEN = re.compile(r"_do_remaining_cleanups|os\._exit|find_match|\bcontext\._[a-z]|\brunner\._[a-z]|registry\.")


@pytest.mark.unit
def test_no_module_of_the_suite_touches_behaves_internals():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in SUITE
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert len(SUITE) > 40 and found == [], found


@pytest.mark.acceptance
def test_under_another_runner_the_run_refuses_in_one_line_rather_than_pass():
    run = run_behave("--runner", "behave.runner:Runner", timeout=60)
    assert run.returncode == 1, run.stdout + run.stderr
    assert (
        "ABORTED: MM-T940 configuration error: behave.ini must keep runner = "
        "mattermost_suite.lifecycle.runner:SuiteRunner" in run.stderr.splitlines()
    ), run.stderr
    assert "0 scenarios passed" in run.stdout, run.stdout  # nothing was tested
    assert run.leftovers == []
