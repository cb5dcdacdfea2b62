"""allure-behave's formatter, writing into the run's own folder (runs.py), so that runs at the same time in one
checkout never mix: behave.ini gives it `reports/runs` (the folder of run folders) and gives JUnit the same value, and
both land in one new folder per run, reports/runs/<UTC start>-<random>/allure-results and .../junit.

Environment: MM_RUN_DIR names the run's folder (scripts/suite chooses it, to build the report from it);
MM_ALLURE_RESULTS names the Allure folder alone (tests, fault runs; JUnit then goes to ../junit next to it). An
explicit --junit-directory always wins for JUnit. (behave cannot replace an ini formatter's outfile from the command
line: -f/-o only add formatters.) When behave closes the formatter every result file is written: the run folder is
marked complete then, and only then may scripts/report build from it (a --dry-run's folder is removed instead).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from allure_behave.formatter import AllureFormatter
from behave.formatter.base import StreamOpener

from mattermost_suite.evidence.later import wait_for_attachments
from mattermost_suite.evidence.runs import JUNIT, RUNS_ROOT, RunFolder, new_name, prune

RESULTS_OVERRIDE = "MM_ALLURE_RESULTS"
RUN_DIR = "MM_RUN_DIR"
BEHAVES_OWN_ALLURE = "allure_behave.formatter:AllureFormatter"


def second_allure_formatter(formats) -> str | None:
    """A one-line refusal when behave's standard Allure formatter was named beside this one (behave.ini names this
    one, and -f only adds formatters): both would write every result, and the report would hold each test twice."""
    if BEHAVES_OWN_ALLURE not in (formats or ()):
        return None
    return (
        f"-f {BEHAVES_OWN_ALLURE} is not needed: the suite writes its Allure results itself, into "
        f"reports/runs/<run>/allure-results (or the folder {RESULTS_OVERRIDE} names); drop -f and -o"
    )


@dataclass(frozen=True)
class RunOutputs:
    """Where this run's Allure results go, its run folder (None with MM_ALLURE_RESULTS), and when it started."""

    results: Path
    run: RunFolder | None
    started: datetime


def choose_outputs(outfile: str | None, config, environ: Mapping[str, str] = os.environ) -> RunOutputs:
    """Decide the folders; moves config.junit_directory into the run folder when it is the ini's folder of runs."""
    started = datetime.now(UTC)
    runs_root = Path(outfile or RUNS_ROOT)
    junit_is_default = bool(config.junit_directory) and Path(config.junit_directory) == runs_root
    if environ.get(RESULTS_OVERRIDE):
        results = Path(environ[RESULTS_OVERRIDE])
        if junit_is_default:
            config.junit_directory = str(results.parent / JUNIT)
        return RunOutputs(results, None, started)
    run = RunFolder(Path(environ[RUN_DIR]) if environ.get(RUN_DIR) else runs_root / new_name(started))
    if junit_is_default:
        config.junit_directory = str(run.junit)
    return RunOutputs(run.results, run, started)


def run_outputs(config) -> RunOutputs | None:
    """What the AllureResults formatter of this behave run chose (None without it)."""
    return getattr(config, "mm_outputs", None)


class AllureResults(AllureFormatter):
    def __init__(self, stream_opener, config):
        outputs = choose_outputs(stream_opener.name, config)
        self.outputs = outputs
        if outputs.run is not None:
            self._held = outputs.run.hold()  # released when the process ends, a kill too
            runs_root = Path(stream_opener.name or RUNS_ROOT)
            if outputs.run.path.parent.resolve() == runs_root.resolve():
                prune(runs_root)
        config.mm_outputs = outputs
        super().__init__(StreamOpener(filename=str(outputs.results)), config)

    def close(self):
        wait_for_attachments()  # the key moments' combined images, still being made (later.py)
        super().close()
        if self.outputs.run is None:
            return
        if self.config.dry_run:  # nothing ran: not a run to report (the newest complete run would be this one)
            shutil.rmtree(self.outputs.run.path, ignore_errors=True)
        else:
            self.outputs.run.complete(self.outputs.started)
