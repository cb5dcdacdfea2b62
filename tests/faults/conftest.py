"""Fault runs happen a few at a time in the background; every test then reads its own case. Kill ratio at the end."""
from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from .catalogue import STATUS_POLL_OVERRIDES
from .runs import STATUS_POLL, Case, Outcome, run_case

# Each run drives four browsers; on 2 cores more runs at once only stretch every deadline.
RUNS_AT_ONCE = int(os.environ.get("MM_FAULT_RUNS_AT_ONCE", "2"))
KILL = "fault_caught"


class FaultRuns:
    """Runs every case selected in this session on the first request, RUNS_AT_ONCE at a time."""

    def __init__(self, session: pytest.Session, prefetch: bool):
        self.session, self.prefetch = session, prefetch
        self.pool = ThreadPoolExecutor(max_workers=RUNS_AT_ONCE, thread_name_prefix="mmt940-fault")
        self.futures: dict[Case, Future] = {}

    def get(self, case: Case) -> Outcome:
        if self.prefetch and not self.futures:
            for selected in self._selected_cases():
                self._submit(selected)
        return self._submit(case).result()

    def _submit(self, case: Case) -> Future:
        if case not in self.futures:
            poll = STATUS_POLL_OVERRIDES.get(case.fault or "", STATUS_POLL)
            self.futures[case] = self.pool.submit(run_case, case, poll)
        return self.futures[case]

    def _selected_cases(self) -> list[Case]:
        params = [getattr(item, "callspec", None) for item in self.session.items]
        return [p.params["case"] for p in params if p and isinstance(p.params.get("case"), Case)]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def fault_runs(request):
    # Under xdist's default distribution each worker runs only some items: let xdist parallelise instead.
    xdist = hasattr(request.config, "workerinput")
    prefetch = not xdist or request.config.getoption("dist", "no") == "loadgroup"
    runs = FaultRuns(request.session, prefetch)
    yield runs
    runs.close()


@pytest.fixture
def record_kill(request):
    """Kept on the test report (user_properties), so the summary also works across xdist workers."""
    def record(case: Case, caught: bool) -> None:
        request.node.user_properties.append((KILL, (case.ui, case.fault, caught)))
    return record


# (ui, fault, caught) per fault test of this session; filled from the test reports.
KILLS: list[tuple[str, str, bool]] = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        KILLS.extend(value for name, value in report.user_properties if name == KILL)


def kill_ratio_lines(kills) -> list[str]:
    """One line per UI generation and a total; then the faults that escaped, if any."""
    groups = {ui: [k for k in kills if k[0] == ui] for ui in dict.fromkeys(k[0] for k in kills)}
    lines = []
    for label, rows in [*groups.items(), ("total", kills)]:
        caught = sum(1 for _, _, was_caught in rows if was_caught)
        lines.append(f"{label}: {caught}/{len(rows)} faults caught ({100 * caught / len(rows):.0f} %)")
    escaped = [f"{ui}/{fault}" for ui, fault, caught in kills if not caught]
    return lines + ([f"escaped: {', '.join(escaped)}"] if escaped else [])


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if KILLS:
        terminalreporter.section("MM-T940 kill ratio (stand-in faults caught / faults run)")
        for line in kill_ratio_lines(KILLS):
            terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    """A fault the suite does not catch fails the session, whatever else happened."""
    if not all(caught for _, _, caught in KILLS) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
