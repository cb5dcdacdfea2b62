"""The real MM-T940 suite run from the repository root, so behave.ini decides where results go, keeping the
secrets the run registered (passwords, every session token) for the leak check. They go to pytest's tmp dir only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from tests.support.behave_runs import processes_with, run_to_the_end
from tests.support.constants import ADMIN_PASSWORD, ROOT

REPORTS = ROOT / "reports"
# Not reports/allure-results: other runs (fault runs, the team's own) may write and clean that one meanwhile.
OWN = REPORTS / "evidence-test"
RESULTS, JUNIT, REPORT = OWN / "allure-results", OWN / "junit", OWN / "allure-report"

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
class SuiteRun:
    returncode: int
    output: str
    secrets: list[str]
    leftovers: list[str]
    seconds: float


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
        done.stdout[-3000:] + done.stderr[-3000:],
        [*secrets, ADMIN_PASSWORD],
        processes_with(f"MMT940_TEST_RUN={marker}"),
        seconds,
    )


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
