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


def scope_of(nodeid: str, module_scope: str) -> str:
    """The unit of work of a test: its module (loadscope's own answer, `module_scope`), except a fault case's, which
    is its module and its UI generation, and a reader's of the default run."""
    if module_scope in DEFAULT_RUN_READERS:
        return DEFAULT_RUN_UNIT
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

    return FaultsByGeneration(config, log)
