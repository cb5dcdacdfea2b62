"""The stand-in's server faults against the real web app: each must fail MM-T940 at the step that guards it, as
against the stand-in's own pages. (Its page faults change the stand-in's own pages; a real build is never changed.)

The real app's 60 s status poll makes each run about a minute and a half long; they run side by side."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from mattermost_standin import FAULTS
from tests.faults.catalogue import CATCHES
from tests.faults.runs import REAL_APP, Case, run_case
from tests.faults.verdicts import escape_reasons, report

pytestmark = pytest.mark.realapp

# A fault caught because no browser logs out waits out the whole logout deadline: those start first, so that the
# quicker ones share the last place rather than queue behind them.
SERVER_FAULTS = sorted(
    (fault for fault, (kind, _) in FAULTS.items() if kind == "server"),
    key=lambda fault: CATCHES[fault].step != "every awake browser of the test user reaches the login page by itself",
)
RUNS_AT_ONCE = 3  # each drives three browsers that mostly wait for the app's 60 s poll; five at once starve the CPU


@pytest.fixture(scope="module")
def real_app_fault_runs(webapp_build):
    """Every server fault's run, started together on first use."""
    pool = ThreadPoolExecutor(max_workers=RUNS_AT_ONCE, thread_name_prefix="mmt940-real-app-fault")
    futures: dict[str, Future] = {
        fault: pool.submit(run_case, Case(REAL_APP, fault, webapp_build), 60.0, CATCHES[fault].step)
        for fault in SERVER_FAULTS
    }
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("fault", SERVER_FAULTS)
def test_the_server_fault_fails_mm_t940_on_the_real_app_at_its_guarding_step(fault, real_app_fault_runs, record_kill):
    outcome = real_app_fault_runs[fault].result()
    catch = CATCHES[fault]
    reasons = escape_reasons(outcome, catch)
    first = outcome.first_failure[0] if outcome.first_failure else "no step failed"
    record_kill(outcome.case, not reasons, first, outcome.seconds)
    assert not reasons, report(outcome, catch, reasons)
    assert outcome.leftovers == [], f"processes left behind: {outcome.leftovers}"
