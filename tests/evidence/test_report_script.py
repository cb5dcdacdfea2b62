import os
import shutil
import subprocess
from pathlib import Path

import pytest

from mattermost_suite.evidence.runs import RunFolder

pytestmark = pytest.mark.unit

REPORT = Path(__file__).resolve().parents[2] / "scripts" / "report"


def run_report(*args, env=None):
    return subprocess.run(
        ["bash", str(REPORT), *map(str, args)], capture_output=True, text=True, timeout=60, env=env or os.environ.copy()
    )


def test_no_results_is_a_one_line_error(tmp_path):
    done = run_report(tmp_path / "empty", tmp_path / "report")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"report: no Allure results in {tmp_path / 'empty'} (run the suite first)\n"


def test_missing_java_is_a_one_line_error(tmp_path):
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "x-result.json").write_text("{}")
    bin_dir = tmp_path / "bin"  # a PATH with bash tools and node but no java
    bin_dir.mkdir()
    for tool in ("node", "dirname", "bash"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"} | {"PATH": str(bin_dir)}
    done = run_report(tmp_path / "results", tmp_path / "report", env=env)
    assert done.returncode == 1 and done.stderr.startswith("report: Java is missing")
    assert len(done.stderr.splitlines()) == 1


def test_a_bad_history_setting_is_a_one_line_error(tmp_path):
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "x-result.json").write_text("{}")
    done = run_report(tmp_path / "results", tmp_path / "report", env=os.environ | {"MM_REPORT_HISTORY": "50"})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "report: MM_REPORT_HISTORY must be a whole number of runs from 1 to 20 (Allure 2 keeps at most 20), got '50'\n"
    )


@pytest.mark.parametrize("state", ["running", "stopped"])
def test_a_run_that_has_not_completed_is_never_reported(tmp_path, state):
    """A half-written results folder (the run goes on, or was killed) must not become a report."""
    run = RunFolder(tmp_path / "20261130T091500Z-abc123")
    held = run.hold()
    run.results.mkdir()
    (run.results / "x-result.json").write_text("{}")
    if state == "stopped":
        os.close(held)  # as if the run had been killed: nobody holds it, and it has no completion marker
    try:
        done = run_report(run.path, tmp_path / "report")
    finally:
        if state == "running":
            os.close(held)
    assert done.returncode == 1 and done.stdout == "" and not (tmp_path / "report").exists()
    assert done.stderr == f"report: run {run.name} has not completed ({state}): its results are not reported\n"
