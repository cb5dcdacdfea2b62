"""scripts/report: build the Allure report of one run as ONE self-contained index.html, carrying the history on.

    python -m mattermost_suite.evidence.report [RESULTS_OR_RUN_FOLDER [REPORT_DIR]]

Without a folder: $ALLURE_RESULTS_DIR, else the newest complete run under reports/runs (runs.py). A run folder that
is still running, or was stopped before it completed, is refused: a half-written run is never reported.
REPORT_DIR: $ALLURE_REPORT_DIR, else reports/allure-report.

Under an exclusive lock on REPORT_DIR (so that two reports finishing together do not lose a run of history):
1. the history of the last report built into REPORT_DIR (REPORT_DIR/history/), trimmed (MM_REPORT_HISTORY), and
   an executor.json with the next buildOrder go with a hard-linked copy of the results (the run's own folder is not
   changed) into `allure generate --single-file`;
2. the new report replaces the old one, and its history (embedded in the single file) is saved to
   REPORT_DIR/history/ for the next report. Building the same results again replaces their run in the history
   instead of adding it twice (REPORT_DIR/history-before/ and report.json remember where the last build started).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mattermost_suite.evidence import history
from mattermost_suite.evidence.runs import RESULTS, RunFolder, has_results, newest_complete, run_of

ROOT = Path(__file__).resolve().parents[2]
RUNS = ROOT / "reports" / "runs"
DEFAULT_REPORT = ROOT / "reports" / "allure-report"
ALLURE = ROOT / "node_modules" / "allure-commandline" / "bin" / "allure"
# A one-shot JVM that reads a few hundred small files: the quick-start compiler and one GC thread (as the embedded
# grid's) build the report on about 3 instead of 4.8 CPU-s and 2.5 instead of 3 s. Options of your own
# (ALLURE_OPTS) come after these and win.
ALLURE_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
BUILD_RECORD = "report.json"
HISTORY_BEFORE = "history-before"


class ReportError(Exception):
    """One line for the tester."""


@dataclass(frozen=True)
class Built:
    index: Path
    build_order: int
    runs_in_trend: int


def choose_results(argument: str | None, environ: Mapping[str, str], runs_root: Path = RUNS) -> Path:
    source = argument or environ.get("ALLURE_RESULTS_DIR")
    if source:
        folder = Path(source)
        return folder / RESULTS if (folder / RESULTS).is_dir() else folder
    newest = newest_complete(runs_root)
    if newest is None:
        raise ReportError(f"no completed run with results in {runs_root} (run the suite first)")
    return newest.results


def check_tools(environ: Mapping[str, str]) -> None:
    path = environ.get("PATH", "")
    java_home = environ.get("JAVA_HOME", "")
    if not shutil.which("java", path=path) and not (java_home and os.access(Path(java_home, "bin", "java"), os.X_OK)):
        raise ReportError("Java is missing (Allure needs Java 17: run scripts/setup)")
    if not shutil.which("node", path=path):
        raise ReportError("Node.js is missing (run scripts/setup)")
    if not ALLURE.is_file():
        raise ReportError("allure-commandline is not installed in node_modules (run scripts/setup)")


@contextmanager
def exclusive(lock_file: Path):
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def build(results: Path, report: Path, environ: Mapping[str, str]) -> Built:
    results, report = Path(results).resolve(), Path(report).resolve()
    keep = history.runs_to_keep(environ)
    run = run_of(results)
    if run is not None and run.state() != "complete":
        raise ReportError(f"run {run.name} has not completed ({run.state()}): its results are not reported")
    if not has_results(results):
        raise ReportError(f"no Allure results in {results} (run the suite first)")
    check_tools(environ)
    held = run.hold() if run is not None else None  # a new run's clean-up must not remove it meanwhile
    try:
        with exclusive(report.parent / f".{report.name}.lock"):
            return _build_locked(results, report, keep, environ, run)
    finally:
        if held is not None:
            os.close(held)


def _build_locked(results: Path, report: Path, keep: int, environ, run: RunFolder | None) -> Built:
    previous, order = _starting_point(results, report)
    previous = history.trimmed(previous, keep - 1)
    staging = report.parent / f".{report.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staged = _stage(results, staging / RESULTS, previous, order, run)
        log = subprocess.run(
            ["node", str(ALLURE), "generate", str(staged), "-o", str(staging / "report"), "--clean", "--single-file"],
            capture_output=True,
            text=True,
            env={**environ, "ALLURE_OPTS": f"{ALLURE_JVM_OPTIONS} {environ.get('ALLURE_OPTS', '')}".strip()},
        )
        index = staging / "report" / "index.html"
        if log.returncode != 0 or not index.is_file():
            sys.stderr.write(log.stdout + log.stderr)
            raise ReportError(f"allure generate failed for {results}")
        now = history.trimmed(history.from_single_file_report(index), keep)
        history.write(staging / "report" / "history", now)
        history.write(staging / "report" / HISTORY_BEFORE, previous)
        (staging / "report" / BUILD_RECORD).write_text(json.dumps({"results": str(results), "buildOrder": order}))
        _publish(staging / "report", report)
        return Built(report / "index.html", order, history.runs_in(now))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _starting_point(results: Path, report: Path) -> tuple[dict, int]:
    """The last report's history and the next buildOrder; the same results built again start where their last
    build started (so their run is not counted twice)."""
    try:
        record = json.loads((report / BUILD_RECORD).read_text())
    except (OSError, ValueError):
        record = {}
    if record.get("results") == str(results) and (report / HISTORY_BEFORE).is_dir():
        return history.read(report / HISTORY_BEFORE), int(record.get("buildOrder", 1))
    earlier = history.read(report / "history")
    if not earlier and (report / "index.html").is_file():  # a report built before its history was kept beside it
        earlier = history.from_single_file_report(report / "index.html")
    return earlier, history.next_build_order(earlier)


def _stage(results: Path, staged: Path, previous: dict, order: int, run: RunFolder | None) -> Path:
    """Hard links to the results (a copy across file systems), the previous history and the executor."""
    staged.mkdir(parents=True)
    for path in results.iterdir():
        if path.is_file() and path.name != "executor.json":
            try:
                os.link(path, staged / path.name)
            except OSError:
                shutil.copy2(path, staged / path.name)
    history.write(staged / "history", previous)
    try:
        executor = json.loads((results / "executor.json").read_text())
    except (OSError, ValueError):
        executor = {"name": "local", "type": "local", "buildName": (run.name if run else results.name)}
    executor["buildOrder"] = order
    (staged / "executor.json").write_text(json.dumps(executor, indent=2))
    return staged


def _publish(built: Path, report: Path) -> None:
    old = report.parent / f".{report.name}.old-{os.getpid()}"
    if report.exists():
        os.rename(report, old)
    os.rename(built, report)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> int:
    try:
        results = choose_results(argv[0] if argv else None, environ)
        report = Path(argv[1] if len(argv) > 1 else environ.get("ALLURE_REPORT_DIR") or DEFAULT_REPORT)
        built = build(results, report, environ)
    except (ReportError, history.HistoryError) as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    source = run_of(Path(results).resolve())
    print(
        f"report: build #{built.build_order} from {source.name if source else results}, "
        f"trend of {built.runs_in_trend} run{'s' if built.runs_in_trend != 1 else ''}"
    )
    print(f"report: {built.index}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
