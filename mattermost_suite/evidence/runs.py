"""Each run's own folder, so that runs at the same time in one checkout never mix their results:
reports/runs/<UTC start>-<random>/ holding allure-results/ and junit/ (and grid/, the embedded grid's logs).

- A run holds a shared lock on <folder>/.lock while it writes (a report holds one while it reads the folder).
- completed.json, written after behave has closed every result file, marks the run complete. A folder without it
  whose lock is free belongs to a run that was killed: its results are never reported.
- A new run keeps the newest KEEP run folders and removes older ones that nobody holds.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

RUNS_ROOT = Path("reports/runs")  # behave.ini's outfile for the Allure formatter (relative to the repository root)
KEEP = 20  # run folders kept (Allure 2 keeps at most 20 runs of history too)
MARKER = "completed.json"
LOCK = ".lock"
RESULTS, JUNIT = "allure-results", "junit"
NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-z]+$")  # only folders named like this are ever removed


def new_name(at: datetime | None = None) -> str:
    """<UTC start>-<random>: sorts by start time; scripts/suite makes the same form in bash."""
    return f"{(at or datetime.now(UTC)):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@dataclass(frozen=True)
class RunFolder:
    path: Path

    @property
    def results(self) -> Path:
        return self.path / RESULTS

    @property
    def junit(self) -> Path:
        return self.path / JUNIT

    @property
    def name(self) -> str:
        return self.path.name

    def hold(self) -> int:
        """A shared lock for as long as the returned descriptor stays open (closed by the process's end, a kill too)."""
        self.path.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        return descriptor

    def completion(self) -> dict | None:
        try:
            return json.loads((self.path / MARKER).read_text())
        except (OSError, ValueError):
            return None

    def is_complete(self) -> bool:
        return self.completion() is not None

    def complete(self, started: datetime) -> None:
        """Written last, atomically: a reader sees either no marker or the whole run."""
        marker = {"started": started.isoformat(), "finished": datetime.now(UTC).isoformat()}
        temporary = self.path / f".{MARKER}.{os.getpid()}"
        temporary.write_text(json.dumps(marker))
        os.replace(temporary, self.path / MARKER)

    def in_use(self) -> bool:
        """A running behave or a report building from it holds the lock."""
        return not self._while_unused(lambda: None)

    def remove_unless_in_use(self) -> bool:
        return self._while_unused(lambda: shutil.rmtree(self.path, ignore_errors=True))

    def _while_unused(self, action) -> bool:
        """Run action under an exclusive lock, if nobody holds the folder; False when somebody does."""
        try:
            descriptor = os.open(self.path / LOCK, os.O_RDWR)
        except OSError:
            descriptor = None  # no lock file: nobody ever held it
        try:
            if descriptor is not None:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            action()
            return True
        except BlockingIOError:
            return False
        finally:
            if descriptor is not None:
                os.close(descriptor)

    def state(self) -> str:
        """complete, running, or stopped (killed before it finished)."""
        if self.is_complete():
            return "complete"
        return "running" if self.in_use() else "stopped"


def run_folders(root: Path = RUNS_ROOT) -> list[RunFolder]:
    """Every run folder under root, oldest first."""
    if not root.is_dir():
        return []
    return [RunFolder(path) for path in sorted(root.iterdir()) if path.is_dir() and NAME.match(path.name)]


def has_results(folder: Path) -> bool:
    return Path(folder).is_dir() and any(Path(folder).glob("*-result.json"))


def newest_complete(root: Path = RUNS_ROOT) -> RunFolder | None:
    """The complete run with results that finished last (a run that started earlier may finish later)."""
    finished = [
        (marker.get("finished", ""), run.name, run)
        for run in run_folders(root)
        if (marker := run.completion()) is not None and has_results(run.results)
    ]
    return max(finished, key=lambda entry: entry[:2])[2] if finished else None


def run_of(results: Path) -> RunFolder | None:
    """The run folder a results folder belongs to, if it is one."""
    results = Path(results)
    parent = results.parent
    return RunFolder(parent) if results.name == RESULTS and (parent / LOCK).exists() else None


def prune(root: Path = RUNS_ROOT, keep: int = KEEP) -> list[Path]:
    """Remove the run folders older than the newest `keep` that nobody holds; return what was removed."""
    removed = []
    for run in run_folders(root)[:-keep] if keep > 0 else []:
        if run.remove_unless_in_use():
            removed.append(run.path)
    return removed
