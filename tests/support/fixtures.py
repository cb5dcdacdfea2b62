"""Fixtures every test folder may use (registered by the root conftest.py): private in-process stand-ins, one
headless Chromium per module, the real web app build (if any), and the session's one default run of MM-T940.
Servers are in-process and always stopped; browsers are always quit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .browser import chromium_available, new_chromium
from .suite_runs import SuiteRun, default_run


@pytest.fixture
def make_standin():
    """Factory for a private stand-in (for revoke-all, faults, restarts, options); every one is stopped afterwards."""
    from mattermost_standin import StandinServer

    started: list[StandinServer] = []

    def make(**kwargs) -> StandinServer:
        server = StandinServer(**kwargs).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def chrome():
    """One headless Chromium per test module; always quit, even when a test fails."""
    if not chromium_available():
        pytest.skip("Chromium/ChromeDriver not installed (scripts/setup installs them)")
    driver = new_chromium()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def default_mm_t940_run(tmp_path_factory) -> SuiteRun:
    """The session's one run of MM-T940 with the defaults (suite_runs.default_run says who reads it)."""
    return default_run(tmp_path_factory.mktemp("default-run"))


REAL_WEBAPP = "MM_REAL_WEBAPP"


def real_webapp_given() -> bool:
    """MM_REAL_WEBAPP names a build that is there: the real web app tier runs rather than skips."""
    build = os.environ.get(REAL_WEBAPP, "")
    return bool(build) and Path(build).exists()


@pytest.fixture(scope="session")
def webapp_build() -> str:
    """A production build of Mattermost's own web app, named by MM_REAL_WEBAPP (docs/real-webapp.md says how to make
    one; not the suite's MM_STANDIN_WEBAPP, which would turn every other test's run into a run on the real app).
    Without one a test that needs it is skipped with one line naming the variable; in CI (CI=true) it fails instead,
    so that a CI that lost its build cannot pass quietly."""
    build = os.environ.get(REAL_WEBAPP, "")
    if real_webapp_given():
        return build
    why = f"{REAL_WEBAPP} names no web app build ({build!r})" if build else f"{REAL_WEBAPP} is not set"
    message = f"{why}: the real web app tier needs a production build of Mattermost's web app (docs/real-webapp.md)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
