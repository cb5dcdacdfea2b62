"""Fixtures for the stand-in's contract and browser tests: servers are in-process and always stopped."""
from __future__ import annotations

import pytest

from mattermost_standin import StandinServer


@pytest.fixture(scope="module")
def standin():
    """A shared current-UI server for tests that do not revoke everyone's sessions."""
    with StandinServer(ui="current") as server:
        yield server


@pytest.fixture
def make_standin():
    """Factory for a private server (for revoke-all, faults, restarts); every one is stopped afterwards."""
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
    from .browser import chromium_available, new_chrome
    if not chromium_available():
        pytest.skip("Chromium/ChromeDriver not installed (scripts/setup installs them)")
    driver = new_chrome()
    try:
        yield driver
    finally:
        driver.quit()
