"""behave's runner for MM-T940, named in behave.ini (behave's runner setting): a refused run keeps its own exit code.

behave ends every unsuccessful run with 1. A run that the suite refuses before it tests anything (a bad setting: 2;
a server, grid or browser unfit for the test: 3) ends with its own code, so that a script can tell a bad setting from
a product defect. The hooks refuse (hooks.refuse): behave skips every feature and releases what was started through
its own cleanups; then the reason is the run's last line, on stderr.
"""

from __future__ import annotations

import faulthandler
import signal
import sys
from dataclasses import dataclass

from behave.runner import Runner

from mattermost_suite.evidence.formatter import second_allure_formatter


@dataclass(frozen=True)
class Refusal:
    line: str
    exit_code: int


RUNNER = "mattermost_suite.lifecycle.runner:SuiteRunner"  # as behave.ini names it
EXIT_CONFIG = 2
EXIT_PREFLIGHT = 3


class SuiteRunner(Runner):
    in_use = False  # the hooks refuse to run under another runner: a refused run would end with 0

    def run(self):
        SuiteRunner.in_use = True
        # `kill -USR1 <behave's pid>` prints every thread's stack to stderr: what a run that seems stuck is doing.
        faulthandler.register(signal.SIGUSR1, all_threads=True)
        formats = second_allure_formatter(self.config.format)  # before behave makes the formatters
        if formats:
            _end(Refusal(f"MM-T940 configuration error: {formats}", EXIT_CONFIG))
        failed = super().run()
        refusals = getattr(self.context, "mm_refusals", None)
        if refusals:
            _end(refusals[0])
        return failed


def _end(refusal: Refusal) -> None:
    print(refusal.line, file=sys.stderr, flush=True)
    raise SystemExit(refusal.exit_code)
