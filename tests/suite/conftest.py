"""Shared fixtures for the suite's tests: an in-process stand-in per UI generation and a headless Chromium."""

from __future__ import annotations

import pytest

from mattermost_suite.config import load
from mattermost_suite.fleet.drivers import new_driver
from mattermost_suite.fleet.profiles import profile_named
from tests.support.constants import ADMIN_PASSWORD


@pytest.fixture(scope="module", params=["current", "legacy"])
def standin(request):
    from mattermost_standin import StandinServer

    with StandinServer(ui=request.param, status_poll_seconds=1.0) as server:
        yield server


@pytest.fixture(scope="module")
def config(standin):
    """Settings aimed at the stand-in, with short deadlines so that a failing wait fails fast."""
    return load(
        {
            "base_url": standin.url,
            "admin_password": ADMIN_PASSWORD,
            "element_deadline": "5",
            "login_deadline": "15",
            "logout_deadline": "20",
        },
        {},
        env={},
    )


@pytest.fixture
def chromium(config):
    driver = new_driver(profile_named("Desktop Chromium"), config)
    try:
        yield driver
    finally:
        driver.quit()
