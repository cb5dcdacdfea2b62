"""MM_TEST_TIMELINE=<file>: one line per test, its worker, start and end (seconds since the epoch) and node id, to see
how the workers shared the work out and what ran last (docs/performance.md). A plugin of the root conftest.py."""

from __future__ import annotations

import os
import time

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item):
    path = os.environ.get("MM_TEST_TIMELINE")
    start = time.time()
    yield
    if path:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(path, "a", encoding="utf-8") as timeline:  # one short append per test: the workers' lines stay whole
            timeline.write(f"{worker}\t{start:.1f}\t{time.time():.1f}\t{item.nodeid}\n")
