"""A scenario's browsers start while its test user is seeded: which ones (its device table's), how start() hands them
out by profile, and that a warm browser nobody asked for is quit with the others."""

import threading
from types import SimpleNamespace

import pytest

import mattermost_suite.fleet.fleet as fleet_module
from mattermost_suite import poll
from mattermost_suite.config import load
from mattermost_suite.domain import DeviceRecord
from mattermost_suite.fleet import Fleet, profile_named
from mattermost_suite.lifecycle.device_table import HEADINGS, browsers_to_start

pytestmark = pytest.mark.unit

CONFIG = load({}, {}, env={})


class Table(list):  # behave's Table: rows by heading, and its headings
    headings = list(HEADINGS)


def steps():
    rows = Table(
        {"device": d, "logs in with": "email", "state": s}
        for d, s in [("Desktop Chromium", "awake"), ("Desktop app", "asleep"), ("iOS app", "screen locked")]
    )
    return [
        SimpleNamespace(name="the test user is logged in on these devices:", table=rows, device=None),
        SimpleNamespace(name='the system admin is logged in on another browser, "Desktop Chromium"', table=None),
        SimpleNamespace(name="the system admin goes to System Console > Users", table=None),
    ]


def test_a_scenario_starts_its_tables_browsers_and_no_step_text_is_read():
    names = [profile.name for profile in browsers_to_start(steps(), ())]
    assert names == ["Desktop Chromium", "Desktop app"]  # the iOS app is no browser; the admin's starts in its step
    narrowed = browsers_to_start(steps(), ("Desktop app", "iOS app"))
    assert [profile.name for profile in narrowed] == ["Desktop app"]


class FakeDriver:
    def __init__(self, name):
        self.name, self.capabilities, self.quit_called = name, {"browserName": "chrome"}, False

    def quit(self):
        self.quit_called = True


@pytest.fixture
def started(monkeypatch):
    """new_driver replaced: every driver it makes, and a gate that holds the Desktop app's start."""
    made, gate = [], threading.Event()

    def new_driver(profile, config):
        if profile.name == "Desktop app":
            assert gate.wait(10)
        driver = FakeDriver(profile.name)
        made.append(driver)
        return driver

    monkeypatch.setattr(fleet_module, "new_driver", new_driver)
    return made, gate


def test_start_hands_out_the_warm_browsers_and_quit_all_ends_the_unclaimed_ones(started):
    made, gate = started
    fleet = Fleet(CONFIG)
    fleet.warm_up([profile_named(name) for name in ("Desktop Chromium", "Desktop Chromium", "Desktop app")])
    record = DeviceRecord("Desktop Chromium", "test user", "email")
    [device] = fleet.start([(profile_named("Desktop Chromium"), record)])
    assert device.driver in made and device.record is record
    fleet.quit_all()
    gate.set()  # the Desktop app's browser arrives after quit_all: it is quit on arrival, like the spare Chromium
    poll.until(lambda: len(made) == 3 and all(d.quit_called for d in made), 10, 0.05, "every warm browser quit")
    assert sorted(d.name for d in made) == ["Desktop Chromium", "Desktop Chromium", "Desktop app"], "none started anew"


def test_a_profile_without_a_warm_browser_starts_one(started):
    made, gate = started
    gate.set()
    fleet = Fleet(CONFIG)
    fleet.warm_up([profile_named("Desktop Chromium")])
    record = DeviceRecord("Android phone", "test user", "email")
    [device] = fleet.start([(profile_named("Android phone"), record)])
    assert device.driver.name == "Android phone" and device.record is record
    fleet.quit_all()
    assert all(driver.quit_called for driver in made)


def test_a_browser_started_in_time_is_the_scenarios_even_when_its_callback_comes_after_the_wait(monkeypatch):
    """wait() returns as soon as a start is done, before the future's callbacks run; on a loaded machine start()
    had returned no device for a browser that had started, and the late callback then quit it."""
    gate, returned, called_back, made = threading.Event(), threading.Event(), threading.Event(), []

    def new_driver(profile, config):
        assert gate.wait(10)
        made.append(FakeDriver(profile.name))
        return made[-1]

    real_wait, real_arrived = fleet_module.wait, Fleet._arrived

    def waiting(futures, timeout):
        gate.set()  # the browser can start only once start() waits for it: its callback runs in the start's thread
        return real_wait(futures, timeout=timeout)

    def late_callback(self, *args):
        returned.wait(10)
        real_arrived(self, *args)
        called_back.set()

    monkeypatch.setattr(fleet_module, "new_driver", new_driver)
    monkeypatch.setattr(fleet_module, "wait", waiting)
    monkeypatch.setattr(Fleet, "_arrived", late_callback)
    fleet = Fleet(CONFIG)
    record = DeviceRecord("Desktop Chromium", "test user", "email")
    devices = fleet.start([(profile_named("Desktop Chromium"), record)])
    returned.set()
    assert [device.driver for device in devices] == made and devices[0].record is record
    assert called_back.wait(10) and not made[0].quit_called, "the late callback quit the scenario's browser"
    fleet.quit_all()
    assert made[0].quit_called
