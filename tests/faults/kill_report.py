"""The kill ratio at the end of the session, and a failed session if any fault escaped.

A plugin of the root conftest.py, not of tests/faults/conftest.py: under pytest-xdist the controller, which prints
the summary, loads only the root's plugins; each kill reaches it on its test's report (user_properties).
"""

from __future__ import annotations

import pytest

from .kill_ratio import Kill, kill_ratio_lines

KILL = "fault_caught"  # the user property a fault test records its Kill under


KILLS: list[Kill] = []  # one per fault test of this session, read from the test reports


def pytest_runtest_logreport(report):
    if report.when == "call":
        KILLS.extend(Kill(*value) for name, value in report.user_properties if name == KILL)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if KILLS:
        terminalreporter.section("MM-T940 kill ratio (stand-in faults caught / faults run)")
        for k in KILLS:
            verdict = "caught" if k.caught else "ESCAPED"
            terminalreporter.write_line(
                f"{k.ui}/{k.fault}: {verdict}; first failing step: {k.first_failing_step} ({k.seconds:.0f} s)"
            )
        for line in kill_ratio_lines(KILLS):
            terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    """A fault the suite does not catch fails the session, whatever else happened."""
    if not all(k.caught for k in KILLS) and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
