"""The embedded grid's pieces without starting it: configs, client options, one-line errors, detection."""

from __future__ import annotations

import json
import os
import tomllib

import pytest
from selenium.common.exceptions import SessionNotCreatedException

from mattermost_suite.engines import MINIBROWSER, geckodriver
from mattermost_suite.grid import (
    BROWSERS,
    DEFAULT_SLOTS,
    EmbeddedGrid,
    GridError,
    capabilities_for,
    embedded,
    installed_browsers,
    session_error,
)
from mattermost_suite.grid.node_config import NodeSpec, hub_toml, node_toml, standalone_toml
from mattermost_suite.grid.processes import is_loopback

pytestmark = pytest.mark.unit

GRID = "http://127.0.0.1:4444"
SPEC = NodeSpec(
    drivers={"chromium": ("/usr/bin/chromedriver", 6), "firefox": ("/x/geckodriver", 2)},
    relay_url="http://127.0.0.1:4470",
)


def test_standalone_config_is_offline_loopback_and_rejects_unknown_browsers():
    cfg = tomllib.loads(standalone_toml("127.0.0.1", 4444, SPEC, 60))
    assert cfg["server"] == {"host": "127.0.0.1", "port": 4444}
    assert cfg["node"]["detect-drivers"] is False and cfg["node"]["selenium-manager"] is False
    assert cfg["node"]["max-sessions"] == 9 and cfg["node"]["override-max-sessions"] is True
    assert cfg["distributor"]["reject-unsupported-caps"] is True
    assert cfg["sessionqueue"]["session-request-timeout"] == 60
    chromium, firefox = cfg["node"]["driver-configuration"]
    assert chromium["webdriver-executable"] == "/usr/bin/chromedriver" and chromium["max-sessions"] == 6
    shell = "/usr/lib/chromium/chromium-headless-shell"
    assert json.loads(chromium["stereotype"])["goog:chromeOptions"]["binary"] == shell
    assert json.loads(firefox["stereotype"])["moz:firefoxOptions"]["binary"] == "/usr/bin/firefox-esr"
    assert cfg["relay"]["url"] == "http://127.0.0.1:4470"
    count, stereotype = cfg["relay"]["configs"]
    assert count == "1" and json.loads(stereotype)["browserName"] == "MiniBrowser"


def test_the_chromium_slots_start_the_runs_chromium():
    """The headless shell by default; the full browser when the run shows windows (headless=false)."""
    spec = NodeSpec(drivers={"chromium": ("/usr/bin/chromedriver", 6)}, chromium_binary="/usr/bin/chromium")
    [chromium] = tomllib.loads(standalone_toml("127.0.0.1", 4444, spec, 60))["node"]["driver-configuration"]
    assert json.loads(chromium["stereotype"])["goog:chromeOptions"]["binary"] == "/usr/bin/chromium"


def test_hub_and_node_configs_split_the_roles():
    hub = tomllib.loads(hub_toml("127.0.0.1", 4444, 30))
    assert "node" not in hub and hub["distributor"]["reject-unsupported-caps"] is True
    node = tomllib.loads(node_toml("127.0.0.1", 5555, NodeSpec(relay_url="http://127.0.0.1:4471"), GRID))
    assert node["node"]["grid-url"] == GRID and node["node"]["max-sessions"] == 1
    assert "driver-configuration" not in node["node"] and "distributor" not in node


@pytest.mark.parametrize(
    "browser, name, key, binary, arg",
    [
        ("chromium", "chrome", "goog:chromeOptions", "/usr/lib/chromium/chromium-headless-shell", "--headless"),
        ("firefox", "firefox", "moz:firefoxOptions", "/usr/bin/firefox-esr", "-headless"),
        ("webkit", "MiniBrowser", "webkitgtk:browserOptions", MINIBROWSER, "--automation"),
    ],
)
def test_client_capabilities_per_browser(browser, name, key, binary, arg):
    caps = capabilities_for(browser).to_capabilities()
    assert caps["browserName"] == name and caps["platformName"] == "linux"
    assert caps[key]["binary"] == binary and arg in caps[key]["args"]


def test_capabilities_are_fresh_for_each_caller():
    capabilities_for("chromium").add_argument("--user-agent=desktop-app")
    assert "--user-agent=desktop-app" not in capabilities_for("chromium").arguments


def test_unserved_browser_becomes_one_line_naming_browser_and_grid():
    exc = SessionNotCreatedException(
        "Could not start a new session. No nodes support the capabilities in the "
        "request\nHost info: host: 'vm'\nStacktrace: ..."
    )
    message = str(session_error(exc, "safari", GRID))
    assert message == f"the grid at {GRID} cannot serve browser 'safari': no node offers it"


def test_other_session_failures_keep_their_first_line_only():
    message = str(session_error(SessionNotCreatedException("boom happened\nstack"), "firefox", GRID))
    assert "\n" not in message and "'firefox'" in message and GRID in message and "boom happened" in message


def test_installed_browsers_are_known_names_in_order():
    found = installed_browsers()
    assert list(found) == [b for b in BROWSERS if b in found]
    if "firefox" in found:
        assert os.access(geckodriver(), os.X_OK)


def test_default_slots_fit_the_default_device_matrix():
    assert DEFAULT_SLOTS["chromium"] >= 5 and DEFAULT_SLOTS["firefox"] >= 1 and DEFAULT_SLOTS["webkit"] >= 1
    assert sum(DEFAULT_SLOTS.values()) >= 8


@pytest.mark.parametrize("browsers, words", [(("opera",), "unknown browser 'opera'"), ((), "at least one")])
def test_bad_browser_choice_is_one_line(browsers, words):
    with pytest.raises(GridError, match=words) as failure:
        EmbeddedGrid(browsers=browsers)
    assert "\n" not in str(failure.value)


def test_missing_jar_says_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setattr(embedded, "JAR", tmp_path / "missing.jar")
    if not installed_browsers():
        pytest.skip("no browser installed")
    grid = EmbeddedGrid(browsers=installed_browsers()[:1], log_dir=tmp_path)
    with pytest.raises(GridError, match="run bash scripts/setup"):
        grid.start()
    assert grid.pids == ()


@pytest.mark.parametrize(
    "ip, loopback",
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", False),
        ("10.0.0.2", False),
        ("::", False),
    ],
)
def test_loopback_addresses(ip, loopback):
    assert is_loopback(ip) is loopback


def test_log_check_flags_foreign_hosts_and_selenium_manager_only(tmp_path):
    from tests.support.grid_watch import non_loopback_mentions

    (tmp_path / "grid.log").write_text(
        "Started http://127.0.0.1:4444 and tcp://127.0.0.1:4442\n"
        "browserVersion 156.0.8078.108, see https://www.selenium.dev/documentation/x\n"
        "fetching https://updates.example.com/x\n"
        "connect 10.1.2.3:443\n"
        "Selenium Manager binary found\n"
    )
    assert [m.split(":")[1] for m in non_loopback_mentions(tmp_path)] == ["3", "4", "5"]
