"""Run folders: each run its own, complete only once behave closed every result file, a killed run never reported,
the newest kept."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from mattermost_suite.evidence.formatter import choose_outputs
from mattermost_suite.evidence.run_report import grid_log_dir
from mattermost_suite.evidence.runs import NAME, RunFolder, new_name, newest_complete, prune, run_folders, run_of
from tests.support.constants import ROOT

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 30, 9, 15, 0, tzinfo=UTC)


def make_run(root: Path, minutes: int, finished: bool = True, results: bool = True) -> RunFolder:
    run = RunFolder(root / new_name(START + timedelta(minutes=minutes)))
    os.close(run.hold())
    run.results.mkdir(parents=True, exist_ok=True)
    if results:
        (run.results / f"{minutes}-result.json").write_text("{}")
    if finished:
        (run.path / "completed.json").write_text(
            json.dumps({"finished": (START + timedelta(minutes=minutes, seconds=30)).isoformat()})
        )
    return run


def test_names_sort_by_start_time_and_the_suite_script_makes_the_same_form():
    assert NAME.match(new_name(START)) and new_name(START).startswith("20261130T091500Z-")
    suite = (ROOT / "scripts" / "suite").read_text()
    assert "reports/runs/$(date -u +%Y%m%dT%H%M%SZ)-" in suite


def test_a_run_is_complete_only_after_it_is_marked(tmp_path):
    run = RunFolder(tmp_path / new_name())
    held = run.hold()
    try:
        assert run.state() == "running"
        run.complete(START)
        assert run.state() == "complete" and run.completion()["started"] == START.isoformat()
    finally:
        os.close(held)


def test_a_killed_run_is_stopped_not_running(tmp_path):
    """A run killed outright (no clean-up at all) leaves a folder without a marker and with a free lock."""
    run = RunFolder(tmp_path / new_name())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from mattermost_suite.evidence.runs import RunFolder; "
            f"RunFolder(Path({str(run.path)!r})).hold(); print('held', flush=True); sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "held\n"
        assert run.state() == "running"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert run.state() == "stopped"


def test_the_newest_complete_run_with_results_is_the_one_that_finished_last(tmp_path):
    make_run(tmp_path, 1)
    finished_last = make_run(tmp_path, 2)
    make_run(tmp_path, 3, finished=False)  # killed
    make_run(tmp_path, 4, results=False)  # e.g. a dry run with nothing in it
    (finished_last.path / "completed.json").write_text(json.dumps({"finished": "2026-11-30T10:00:00+00:00"}))
    assert newest_complete(tmp_path) == finished_last
    assert newest_complete(tmp_path / "nothing") is None


def test_prune_keeps_the_newest_and_what_somebody_holds(tmp_path):
    runs = [make_run(tmp_path, minute) for minute in range(5)]
    held = runs[0].hold()  # e.g. a report reading the oldest run
    (tmp_path / "notes").mkdir()  # not a run folder: never touched
    try:
        removed = prune(tmp_path, keep=2)
    finally:
        os.close(held)
    assert removed == [runs[1].path, runs[2].path]
    assert run_folders(tmp_path) == [runs[0], runs[3], runs[4]] and (tmp_path / "notes").is_dir()


def test_run_of_knows_a_run_folders_results(tmp_path):
    run = make_run(tmp_path, 0)
    assert run_of(run.results) == run
    assert run_of(tmp_path / "allure-results") is None


def config(junit_directory: str):
    return SimpleNamespace(junit_directory=junit_directory)


def test_by_default_results_and_junit_go_into_a_new_run_folder(tmp_path):
    root = tmp_path / "runs"
    behave = config(str(root))
    outputs = choose_outputs(str(root), behave, {})
    assert outputs.run.path.parent == root and re.match(NAME, outputs.run.name)
    assert outputs.results == outputs.run.path / "allure-results"
    assert behave.junit_directory == str(outputs.run.path / "junit")


def test_mm_run_dir_names_the_run_folder_and_an_explicit_junit_directory_wins(tmp_path):
    behave = config(str(tmp_path / "my-junit"))
    outputs = choose_outputs("reports/runs", behave, {"MM_RUN_DIR": str(tmp_path / "run")})
    assert outputs.results == tmp_path / "run" / "allure-results"
    assert behave.junit_directory == str(tmp_path / "my-junit")


def test_mm_allure_results_names_the_allure_folder_alone(tmp_path):
    behave = config("reports/runs")
    outputs = choose_outputs("reports/runs", behave, {"MM_ALLURE_RESULTS": str(tmp_path / "allure")})
    assert outputs.run is None and outputs.results == tmp_path / "allure"
    assert behave.junit_directory == str(tmp_path / "junit")


def test_the_grid_logs_go_into_the_runs_own_folder_and_to_reports_grid_without_one(tmp_path):
    """Two runs at the same time never append to one grid log; a run's logs go when its folder is pruned."""
    first, second = (choose_outputs("reports/runs", config("reports/runs"), {}) for _ in range(2))
    logs = [grid_log_dir(SimpleNamespace(mm_outputs=outputs)) for outputs in (first, second)]
    assert logs == [first.run.path / "grid", second.run.path / "grid"] and logs[0] != logs[1]
    no_allure = SimpleNamespace(format=["pretty"], outputs=[SimpleNamespace(name=None)])
    assert grid_log_dir(no_allure) is None  # the grid's own default, reports/grid


def test_a_dry_run_leaves_no_run_to_report(tmp_path):
    """behave --dry-run runs nothing: its folder would otherwise become the newest complete run."""
    done = subprocess.run(
        [sys.executable, "-m", "behave", "--dry-run", "-f", "plain", "-o", os.devnull],
        cwd=ROOT,
        env=os.environ | {"MM_RUN_DIR": str(tmp_path / "dry")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (tmp_path / "dry").exists()
