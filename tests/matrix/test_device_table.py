"""The device matrix as data: profiles in devices.toml, states per kind, the devices subset, grid browsers."""

import pytest

from mattermost_suite.domain import APP
from mattermost_suite.errors import ConfigError
from mattermost_suite.fleet.profiles import all_profiles, browsers_for, grid_browsers, profile_named
from mattermost_suite.lifecycle.device_table import chosen_rows, wanted_devices

pytestmark = pytest.mark.unit

TABLE = [
    ("Desktop Chromium", "email", "awake"),
    ("Desktop WebKit", "email", "awake"),
    ("Desktop app", "username", "asleep"),
    ("iOS app", "email", "screen locked"),
]


def test_the_apps_log_in_as_the_mattermost_mobile_app():
    ios, android = profile_named("iOS app"), profile_named("Android app")
    assert ios.kind is APP and ios.device_id_prefix == "apple_rn-v2" and android.device_id_prefix == "android_rn-v2"
    assert ios.user_agent.startswith("Mattermost Mobile/") and "(iOS; " in ios.user_agent
    assert "(Android; " in android.user_agent
    desktop = profile_named("Desktop app").user_agent
    assert "Mattermost/" in desktop and "Electron/" in desktop


def test_every_browser_engine_is_in_the_matrix():
    assert {p.browser for p in all_profiles().values() if p.starts_a_browser} == {"chromium", "firefox", "webkit"}


@pytest.mark.parametrize(
    "device, state, error",
    [
        ("Desktop Firefox ESR", "asleep", "only Chromium engines can be frozen"),
        ("Desktop WebKit", "asleep", "only Chromium engines can be frozen"),
        ("iOS app", "asleep", "use screen unlocked or screen locked"),
        ("Desktop Chromium", "screen locked", "use awake or asleep"),
    ],
)
def test_a_state_the_device_cannot_take_is_one_line(device, state, error):
    with pytest.raises(ConfigError, match=error):
        wanted_devices([(device, "email", state)], "test user")


def test_records_carry_the_state_and_kind():
    [(_, record)] = wanted_devices([("iOS app", "email", "screen locked")], "test user")
    assert (record.state, record.kind) == ("screen locked", APP)


def test_the_devices_setting_picks_rows_of_the_table_in_its_order():
    assert chosen_rows(TABLE, ()) == TABLE
    assert chosen_rows(TABLE, ("ios APP", "Desktop Chromium")) == [TABLE[3], TABLE[0]]
    with pytest.raises(ConfigError, match="devices: 'Nokia' is not in the feature's device table"):
        chosen_rows(TABLE, ("Nokia",))


def test_the_grid_serves_only_what_the_run_needs_and_is_installed():
    assert browsers_for(("iOS app",)) == ("chromium",)  # the admin's browser
    assert browsers_for(("Desktop WebKit", "Desktop Firefox ESR")) == ("chromium", "firefox", "webkit")
    assert set(grid_browsers(())) <= {"chromium", "firefox", "webkit"}
