"""The real MM-T940 suite run from the repository root, so behave.ini decides where results go, keeping the
secrets the run registered (passwords, every session token) for the leak check. They go to pytest's tmp dir only.

`default_run` is MM-T940 as a tester's plain `behave` runs it (the whole matrix through the embedded grid, the
current UI), with a short status poll: the most expensive run of the tests, so it runs once per session (the
fixture in fixtures.py) for the evidence tests (what it attaches) and the matrix test (what it says, the grid logs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .behave_runs import BehaveRun, processes_with, run_to_the_end
from .constants import ADMIN_PASSWORD, ROOT
from .grid_watch import non_loopback_mentions

REPORTS = ROOT / "reports"
# Not reports/allure-results: other runs (fault runs, the team's own) may write and clean that one meanwhile.
OWN = REPORTS / "evidence-test"
RESULTS, JUNIT, REPORT = OWN / "allure-results", OWN / "junit", OWN / "allure-report"
GRID_LOGS = OWN / "grid"  # the embedded grid's logs go next to the Allure folder (run_report.grid_log_dir)

# `python -m behave`, plus: at exit, the suite's registered secrets as JSON into argv[1].
_BEHAVE_KEEPING_SECRETS = (
    "import atexit, json, sys\n"
    "from mattermost_suite.secrets import known_secrets\n"
    "out = sys.argv[1]\n"
    "atexit.register(lambda: open(out, 'w').write(json.dumps(known_secrets())))\n"
    "from behave.__main__ import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


@dataclass
class SuiteRun(BehaveRun):
    secrets: list[str] = field(default_factory=list)
    seconds: float = 0.0
    grid_log_mentions: list[str] = field(default_factory=list)  # the grid logs' non-loopback lines (default_run)

    @property
    def output(self) -> str:
        """The ends of stdout and stderr, for a failure message."""
        return self.stdout[-3000:] + self.stderr[-3000:]


def run_suite(tmp_path: Path, results: Path, junit: Path, *defines: str, timeout: float = 240) -> SuiteRun:
    """behave with the ini's formatters (Allure results, JUnit, pretty), their folders moved to `results` and
    `junit` (MM_ALLURE_RESULTS, --junit-directory); -D settings from `defines`."""
    secrets_file = tmp_path / f"secrets-{uuid.uuid4().hex}.json"
    marker = uuid.uuid4().hex
    env = os.environ | {
        "MM_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "MMT940_TEST_RUN": marker,
        "SE_OFFLINE": "true",
        "SE_AVOID_STATS": "true",
        "MM_ALLURE_RESULTS": str(results),
    }
    args = [arg for define in defines for arg in ("-D", define)]
    started = time.monotonic()
    done = run_to_the_end(
        [
            sys.executable,
            "-c",
            _BEHAVE_KEEPING_SECRETS,
            str(secrets_file),
            "--no-color",
            "--junit-directory",
            str(junit),
            *args,
        ],
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    seconds = time.monotonic() - started
    secrets = json.loads(secrets_file.read_text()) if secrets_file.exists() else []
    return SuiteRun(
        done.returncode,
        done.stdout,
        done.stderr,
        processes_with(f"MMT940_TEST_RUN={marker}"),
        [*secrets, ADMIN_PASSWORD],
        seconds,
    )


def default_run(tmp_path: Path) -> SuiteRun:
    """MM-T940 with the defaults and standin_status_poll=1, its results into RESULTS and JUNIT; the grid's logs are
    removed first (the grid appends, and this folder outlives a session) and judged right after the run."""
    shutil.rmtree(GRID_LOGS, ignore_errors=True)
    run = run_suite(tmp_path, RESULTS, JUNIT, "standin_status_poll=1", timeout=400)
    run.grid_log_mentions = network_mentions(GRID_LOGS)
    return run


def network_mentions(logs: Path) -> list[str]:
    """The grid log check, less the web pages' own console messages that chromedriver copies into its log
    (goog:loggingPrefs for the failure evidence): text such as "More info: https://goo.gl/..." is not a call.
    A folder without the grid's log fails the check: a check of no log proves nothing."""
    if not (logs / "grid.log").exists():
        return [f"no grid.log in {logs}"]
    return [line for line in non_loopback_mentions(logs) if ":INFO:CONSOLE" not in line]


def run_report_script(results: Path, report: Path) -> subprocess.CompletedProcess:
    """scripts/report from `results` into `report`, its output captured."""
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "report"), str(results), str(report)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def build_report(results: Path = RESULTS, report: Path = REPORT) -> Path:
    done = run_report_script(results, report)
    assert done.returncode == 0, done.stderr
    return report / "index.html"
