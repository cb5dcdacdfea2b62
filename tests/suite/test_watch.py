"""Watching the victims: concurrent, hands-off (never navigates or reloads), each outcome reported by name."""

import dataclasses
from datetime import timedelta

import pytest

from mattermost_suite.actors.browsers import Browsers
from mattermost_suite.config import load
from mattermost_suite.domain import DeviceRecord, Site, now
from mattermost_suite.fleet import Device, profile_named
from mattermost_suite.story import presenter
from mattermost_suite.story.events import Awaiting, EventBus, LoggedOut
from tests.support.glances import AnswersGlances

pytestmark = pytest.mark.unit

BASE = "http://127.0.0.1:8065"


class Element:
    text = ""

    def is_displayed(self):
        return True


class WatchedBrowser(AnswersGlances):
    """A browser that turns to the login page after `logout_after` looks; any navigation fails the test."""

    def __init__(self, logout_after):
        self.looks, self.logout_after = 0, logout_after

    @property
    def current_url(self):
        self.looks += 1
        logged_out = self.logout_after is not None and self.looks > self.logout_after
        return BASE + ("/login?extra=expired" if logged_out else "/ad-1/channels/town-square")

    title = "Town Square - AD 1 Mattermost"

    def find_elements(self, by, value):
        on_login = self.current_url.startswith(BASE + "/login")
        return [Element()] if on_login and value in (".login-body-card", "#login_section") else []

    def __getattr__(self, name):  # get, refresh, back...: the watcher must not touch the page (nor run other scripts)
        raise AssertionError(f"the watcher called driver.{name}()")


SITE = Site(BASE, "current", dataclasses.replace(load({}, {}, env={}).deadlines, logout=1.0))


def devices(*logout_after):
    return [
        Device(
            profile_named("Desktop Chromium"),
            WatchedBrowser(n),
            DeviceRecord(f"Device {i}", "test user", "email"),
            site=SITE,
        )
        for i, n in enumerate(logout_after, 1)
    ]


def watched_by(bus, devices_):
    events = []
    bus.subscribe(events.append)
    return Browsers(bus, SITE.deadlines, devices_), events


def test_each_device_is_reported_by_name_with_its_latency():
    confirmed_at = now() - timedelta(seconds=2)
    browsers, events = watched_by(EventBus(), devices(1, 3))
    browsers.awake_ones_reach_login_page()
    awaiting, *judged = events  # what is awaited, then each device as it is judged (in the order they end)
    assert isinstance(awaiting, Awaiting) and all(isinstance(event, LoggedOut) for event in judged)
    logged_out = sorted((device for event in judged for device in event.devices), key=lambda device: device.name)
    lines = [presenter.device_line(device.record, confirmed_at) for device in logged_out]
    assert [line.split(":")[0] for line in lines] == ["Device 1", "Device 2"]
    assert all(line.endswith("s after the confirm") and " 2." in line for line in lines)


def test_a_failure_names_every_device_that_stayed_and_where_it_is():
    watched = devices(1, None, None)
    browsers, events = watched_by(EventBus(), watched)
    with pytest.raises(AssertionError) as caught:
        browsers.awake_ones_reach_login_page()
    message = str(caught.value)
    assert message.startswith("2 of 3 devices did not reach the login page by themselves within 1 s")
    assert "Device 2: waited 1 s for the login page; the browser is at /ad-1/channels/town-square" in message
    assert "Device 3:" in message and "Device 1" not in message
    assert watched[0].record.logged_out_at and watched[1].record.logged_out_at is None
    assert presenter.outcome(watched[1].record, now()).startswith("NOT logged out")
    assert caught.value.devices == (watched[1], watched[2])  # the evidence photographs exactly these
    assert events[0].__class__ is Awaiting and sorted(type(event).__name__ for event in events[1:]) == [
        "LoggedOut",
        "NotLoggedOut",
        "NotLoggedOut",
    ]
