"""Under pytest-xdist's loadscope, the fault runs of each UI generation are a unit of work of their own, and the
readers of the default MM-T940 run share one.

loadscope gives a whole module to one worker (a module's stand-in, the fault runs' shared pool). The fault module
is about half of all the CPU a test run uses: as one unit it kept one worker busy until the end while the others
had finished. Split by generation, the workers share it. Each unit's runs are started together by its worker
(FaultRuns.get prefetches the cases of the generation asked for). A plugin of the root conftest.py: the scheduler
is made on xdist's controller, which loads only the root's plugins.
"""

from __future__ import annotations

import re

import pytest

FAULT_MODULE = "tests/faults/test_mm_t940_catches_every_fault.py"
CASE_ID = re.compile(r"\[(?P<ui>[a-z]+)-[^\]]+\]$")  # runs.Case.id: "<ui>-<fault or faultless>"
# The modules that read the session's default MM-T940 run (tests/support/fixtures.py: default_mm_t940_run), the most
# expensive run of the tests: one unit, so that one worker runs it once.
DEFAULT_RUN_READERS = ("tests/evidence/test_suite_report.py", "tests/matrix/test_matrix_runs.py")
DEFAULT_RUN_UNIT = "the default MM-T940 run's readers"
# Handed out first, in this order: the units that take longest. xdist's own order (by number of tests) left them for
# last, and the run ended with one of them alone on an idle machine. Those that mostly wait for the real web app's
# 60 s status poll alternate with the fault runs, which compute, so that their waits overlap work. A prefix takes
# the first unit left that starts with it (the fault module's: one UI generation each time).
LONG_UNITS = (
    "tests/realapp/test_server_faults_on_the_real_app.py",
    f"{FAULT_MODULE}::",
    f"{FAULT_MODULE}::",
    "tests/realapp/test_mm_t940_on_the_real_app.py",
    f"{FAULT_MODULE}::",
    "tests/realapp/test_mm_t940_on_the_older_real_apps.py",
    DEFAULT_RUN_UNIT,
    "tests/matrix/test_external_grid.py",
    "tests/matrix/test_sleeping_computer.py",
)


def scope_of(nodeid: str, module_scope: str) -> str:
    """The unit of work of a test: its module (loadscope's own answer, `module_scope`), except a fault case's, which
    is its module and its UI generation, and a reader's of the default run."""
    if module_scope in DEFAULT_RUN_READERS:
        return DEFAULT_RUN_UNIT
    case = CASE_ID.search(nodeid)
    return f"{module_scope}::{case['ui']}" if module_scope == FAULT_MODULE and case else module_scope


def long_units_first(scopes: list[str]) -> list[str]:
    """The units in the order they are handed out: LONG_UNITS' first, then the others in the order given."""
    rest = list(scopes)
    first = []
    for prefix in LONG_UNITS:
        unit = next((scope for scope in rest if scope.startswith(prefix)), None)
        if unit is not None:
            rest.remove(unit)
            first.append(unit)
    return first + rest


@pytest.hookimpl(optionalhook=True)  # an xdist hook: without xdist (-p no:xdist) nobody calls it
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FaultsByGeneration(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:  # xdist's own override point (LoadFileScheduling uses it)
            return scope_of(nodeid, super()._split_scope(nodeid))

        def _assign_work_unit(self, node) -> None:
            if not getattr(self, "ordered", False):  # the first hand-out: the queue is complete, reorder it once
                order = long_units_first(list(self.workqueue))
                self.workqueue = type(self.workqueue)((scope, self.workqueue[scope]) for scope in order)
                self.ordered = True
            super()._assign_work_unit(node)

    return FaultsByGeneration(config, log)
