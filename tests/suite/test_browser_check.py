"""A missing browser or driver is one line before anything starts, never a traceback in the first step."""

import dataclasses

import pytest

from mattermost_suite.config import load
from mattermost_suite.errors import ConfigError
from mattermost_suite.lifecycle import browser_check
from mattermost_suite.lifecycle.browser_check import check_browsers

pytestmark = pytest.mark.unit


def config(**defines):
    return load({}, {key: str(value) for key, value in defines.items()}, {})


def test_local_firefox_that_is_not_there_is_named():
    with pytest.raises(ConfigError, match=r"firefox_binary='/nowhere/firefox' is not an executable browser"):
        check_browsers(config(grid="off", devices="Desktop Firefox ESR", firefox_binary="/nowhere/firefox"))


def test_local_driver_that_is_not_there_is_named():
    with pytest.raises(ConfigError, match=r"chromedriver='/nowhere/chromedriver' is not an executable file"):
        check_browsers(config(grid="off", devices="Desktop Chromium", chromedriver="/nowhere/chromedriver"))


def test_webkit_needs_a_grid():
    with pytest.raises(ConfigError, match="grid=off cannot run WebKit devices"):
        check_browsers(config(grid="off", devices="Desktop WebKit"))


def test_the_embedded_grid_names_what_is_not_installed(monkeypatch):
    monkeypatch.setattr("mattermost_suite.engines.installed_browsers", lambda: ("chromium",))
    with pytest.raises(ConfigError, match="embedded Selenium Grid cannot serve firefox, webkit: not installed"):
        check_browsers(config(grid="embedded"))


def test_installed_browsers_pass_and_an_external_grid_is_not_second_guessed():
    check_browsers(config(grid="off", devices="Desktop Chromium,Desktop Firefox ESR,iOS app"))
    external = dataclasses.replace(config(grid="embedded", devices="Desktop WebKit"), grid_url="http://127.0.0.1:9")
    check_browsers(external)
    assert browser_check.INSTALL_HINT.startswith("run bash scripts/setup")
