"""The README's test command runs MM-T940 with its defaults: the whole device matrix through the embedded grid,
in the newest and the oldest UI generation; every device's outcome by name, nothing left running, the grid never off
127.0.0.1. The generation between them (transitional) runs the same matrix through a distributed grid given by URL
(test_external_grid.py): which grid starts the browsers and which generation serves the pages do not depend on each
other, so each generation runs the whole matrix once and each way of reaching a grid is proven."""

import re

import pytest

from tests.support.behave_runs import BehaveRun, run_behave
from tests.support.constants import ADMIN_PASSWORD
from tests.support.generations import NEWEST_FIRST
from tests.support.suite_runs import network_mentions

pytestmark = pytest.mark.acceptance

STEPS_PER_SCENARIO = 30 + 7  # the MM-T940 outline's example that runs, and the non-admin scenario
BROWSERS = ("Desktop Chromium", "Desktop Firefox ESR", "Desktop WebKit", "Android phone", "iPhone")
OUTCOMES = {  # device (state): how its outcome line starts
    **{f"{name} (test user, awake)": "logged out at " for name in BROWSERS},
    "Desktop app (test user, asleep)": "woke at ",
    "iOS app (test user, screen locked)": "its first request after unlocking refused with 401 "
    "api.context.session_expired.app_error",
    "Android app (test user, screen unlocked)": "its poll refused with 401 api.context.session_expired.app_error",
    "Desktop Chromium (system admin, awake)": "logged out at ",
}


@pytest.fixture
def matrix_run(request, ui, tmp_path) -> tuple[BehaveRun, list[str]]:
    """The run and its grid logs' non-loopback lines. The current generation is the session's default run (the
    evidence tests read the same run); the others run here, with the same settings but the UI generation, in a run
    folder of their own, where the grid writes its logs too."""
    if ui == "current":
        run = request.getfixturevalue("default_mm_t940_run")
        return run, run.grid_log_mentions
    folder = tmp_path / "run"
    run = run_behave(
        "-D", f"standin_ui={ui}", "-D", "standin_status_poll=1", env={"MM_RUN_DIR": str(folder)}, timeout=400
    )
    return run, network_mentions(folder / "grid")


EMBEDDED_GRID_UIS = (NEWEST_FIRST[0], NEWEST_FIRST[-1])  # the transitional one: test_external_grid.py


@pytest.mark.parametrize("ui", EMBEDDED_GRID_UIS)
def test_the_default_matrix_runs_through_the_embedded_grid(matrix_run):
    run, grid_log_mentions = matrix_run
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    steps = run.summary("step")
    assert (steps["passed"], steps["failed"], steps["error"], steps["undefined"]) == (STEPS_PER_SCENARIO, 0, 0, 0)
    assert re.search(r"browsers on the grid at http://127\.0\.0\.1:\d+", run.stderr), output
    for device, outcome in OUTCOMES.items():
        assert f"MM-T940: outcome: {device}: {outcome}" in run.stderr, output
    assert re.search(r"Desktop app: woke at [\d:.]+ UTC, logged out [\d.]+ s after waking", run.stderr)
    assert "Traceback" not in output and ADMIN_PASSWORD not in output
    assert run.leftovers == []
    assert grid_log_mentions == []
    # The run talks while it waits: what is awaited first, each browser as it is judged, the results path last.
    said = [line for line in run.stderr.splitlines() if line.startswith("MM-T940: ")]
    waiting = next(i for i, line in enumerate(said) if line.startswith("MM-T940: waiting for 5 browsers to reach"))
    judged = [
        i for i, line in enumerate(said) if re.match(r"MM-T940: Desktop (Chromium|Firefox ESR|WebKit): logged", line)
    ]
    assert len(judged) == 3 and waiting < min(judged), said
    assert said[-1].startswith("MM-T940: results: "), said[-3:]
