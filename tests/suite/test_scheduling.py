"""How the fault runs are shared out: each UI generation's cases are one unit of work under xdist's loadscope, and
the runs started together are those of the generation asked for, never another worker's."""

import re
from concurrent.futures import Future
from types import SimpleNamespace

import pytest

from tests.faults.conftest import FaultRuns
from tests.faults.runs import Case
from tests.support.constants import ROOT
from tests.support.scheduling import DEFAULT_RUN_READERS, DEFAULT_RUN_UNIT, FAULT_MODULE, scope_of

pytestmark = pytest.mark.unit


def test_a_fault_case_is_scoped_by_its_generation_and_every_other_test_by_its_module():
    def scope(nodeid):
        return scope_of(nodeid, nodeid.rsplit("::", 1)[0])

    assert scope(f"{FAULT_MODULE}::test_the_fault_fails_mm_t940_at_its_guarding_step[current-confirm_wording]") == (
        f"{FAULT_MODULE}::current"
    )
    assert scope(f"{FAULT_MODULE}::test_the_faultless_standin_passes_every_step[legacy-faultless]") == (
        f"{FAULT_MODULE}::legacy"
    )
    unit = f"{FAULT_MODULE}::test_every_fault_has_one_catch_and_every_known_step_is_in_the_feature"
    assert scope(unit) == FAULT_MODULE
    other = "tests/suite/test_pages.py::test_login_form_lands_on_a_channel[current]"
    assert scope(other) == "tests/suite/test_pages.py"


def test_every_reader_of_the_default_run_is_in_its_unit():
    readers = {
        str(path.relative_to(ROOT))
        for path in (ROOT / "tests").rglob("test_*.py")
        # takes the fixture as an argument, or asks for it by name
        if re.search(r"def \w+\([^)]*\bdefault_mm_t940_run\b|getfixturevalue\(\"default_mm_t940_run", path.read_text())
    }
    assert readers == set(DEFAULT_RUN_READERS)
    assert {scope_of(f"{module}::test_x", module) for module in readers} == {DEFAULT_RUN_UNIT}


def test_a_request_starts_the_runs_of_its_own_generation_only():
    cases = [Case(ui, fault) for ui in ("current", "legacy") for fault in (None, "confirm_wording")]
    session = SimpleNamespace(items=[SimpleNamespace(callspec=SimpleNamespace(params={"case": c})) for c in cases])
    runs = FaultRuns(session, prefetch=True, at_once=1)
    started = []

    def submit(case):
        started.append(case)
        done = runs.futures[case] = Future()
        done.set_result(case.id)
        return done

    runs._submit = lambda case: runs.futures.get(case) or submit(case)
    try:
        assert runs.get(Case("legacy", "confirm_wording")) == "legacy-confirm_wording"
        assert sorted(case.id for case in started) == ["legacy-confirm_wording", "legacy-faultless"]
        runs.get(Case("current", None))
        assert len(started) == 4 and len(set(started)) == 4, "each case started once"
    finally:
        runs.close()
