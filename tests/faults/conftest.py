"""Fault runs happen a few at a time in the background; every test then reads its own case and records its kill
(the kill ratio at the end: kill_report.py)."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from .catalogue import CATCHES, PROPOSED, STATUS_POLL_OVERRIDES
from .kill_report import KILL
from .runs import STATUS_POLL, Case, Outcome, feature_step_texts, feature_with, run_case


def runs_at_once(config: pytest.Config) -> int:
    """MM_FAULT_RUNS_AT_ONCE, else two at a time alone (a run waits on its browsers as much as it computes) and one
    per worker under xdist (the workers already run side by side). Each run drives three or four browsers: on 2
    cores more at once only stretch every deadline."""
    if "MM_FAULT_RUNS_AT_ONCE" in os.environ:
        return int(os.environ["MM_FAULT_RUNS_AT_ONCE"])
    return 1 if hasattr(config, "workerinput") else 2


class FaultRuns:
    """On the first request for a UI generation, runs every case of it selected in this session, `at_once` at a
    time (under xdist a generation's cases are one worker's: tests/support/scheduling.py)."""

    def __init__(self, session: pytest.Session, prefetch: bool, at_once: int):
        self.session, self.prefetch = session, prefetch
        self.pool = ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="mmt940-fault")
        self.futures: dict[Case, Future] = {}
        self.prefetched: set[str] = set()

    def get(self, case: Case) -> Outcome:
        if self.prefetch and case.ui not in self.prefetched:
            self.prefetched.add(case.ui)
            same_ui = [selected for selected in self._selected_cases() if selected.ui == case.ui]
            for selected in sorted(same_ui, key=_expected_length, reverse=True):
                self._submit(selected)
        return self._submit(case).result()

    def _submit(self, case: Case) -> Future:
        if case not in self.futures:
            poll = STATUS_POLL_OVERRIDES.get(case.fault or "", STATUS_POLL)
            self.futures[case] = self.pool.submit(run_case, case, poll, _guarding_step(case))
        return self.futures[case]

    def _selected_cases(self) -> list[Case]:
        params = [getattr(item, "callspec", None) for item in self.session.items]
        return [p.params["case"] for p in params if p and isinstance(p.params.get("case"), Case)]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _guarding_step(case: Case) -> str | None:
    catch = CATCHES.get(case.fault or "")
    return catch.step if catch and not catch.step.startswith(PROPOSED) else None


def _expected_length(case: Case) -> int:
    """How far a run goes: a baseline runs every step; a fault run stops at its guarding step. Longest first, so that
    the last runs to finish are short ones and both slots end close together."""
    step = _guarding_step(case)
    return len(feature_step_texts()) if step is None else feature_step_texts([feature_with(step)]).index(step)


@pytest.fixture(scope="session")
def fault_runs(request):
    # Under xdist's default distribution each worker runs only some items: let xdist parallelise instead. Under
    # loadscope each generation's cases are one worker's (tests/support/scheduling.py); under loadfile the whole
    # module is.
    xdist = hasattr(request.config, "workerinput")
    prefetch = not xdist or request.config.getoption("dist", "no") in ("loadscope", "loadfile")
    runs = FaultRuns(request.session, prefetch, runs_at_once(request.config))
    yield runs
    runs.close()


@pytest.fixture
def record_kill(request):
    """Kept on the test report (user_properties), so the summary also works across xdist workers."""

    def record(case: Case, caught: bool, first_failing_step: str, seconds: float) -> None:
        request.node.user_properties.append((KILL, (case.ui, case.fault, caught, first_failing_step, seconds)))

    return record
