"""Under pytest-xdist's loadscope, the fault runs of each UI generation are a unit of work of their own, the
readers of the default MM-T940 run share one, and the real web app's tests are one, handed out first.

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
# The real web app's runs (MM-T940 on its builds, its server faults, the served bytes) wait for the app's own 60 s
# status poll for most of their time. As separate units they ran side by side and waited together, and the cores
# stood idle; as one unit, handed out first, they run one after another beside the units that compute.
REAL_APP_FOLDER = "tests/realapp/"
REAL_APP_UNIT = "the real web app's runs"


def scope_of(nodeid: str, module_scope: str) -> str:
    """The unit of work of a test: its module (loadscope's own answer, `module_scope`), except a fault case's, which
    is its module and its UI generation, a reader's of the default run, and a test of the real web app's."""
    if module_scope in DEFAULT_RUN_READERS:
        return DEFAULT_RUN_UNIT
    if module_scope.startswith(REAL_APP_FOLDER):
        return REAL_APP_UNIT
    case = CASE_ID.search(nodeid)
    return f"{module_scope}::{case['ui']}" if module_scope == FAULT_MODULE and case else module_scope


@pytest.hookimpl(optionalhook=True)  # an xdist hook: without xdist (-p no:xdist) nobody calls it
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FaultsByGeneration(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:  # xdist's own override point (LoadFileScheduling uses it)
            return scope_of(nodeid, super()._split_scope(nodeid))

        def _assign_work_unit(self, node) -> None:  # hands out the work queue's first unit
            if REAL_APP_UNIT in self.workqueue:
                self.workqueue.move_to_end(REAL_APP_UNIT, last=False)
            super()._assign_work_unit(node)

    return FaultsByGeneration(config, log)
