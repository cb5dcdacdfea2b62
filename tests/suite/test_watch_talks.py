"""A watch of the test user's browsers talks while it waits: what is awaited and until when first, then each device
the moment it is judged, and now and then who is still awaited (Browsers._watch with fake devices and watches whose
ends the test controls)."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from mattermost_suite.actors import browsers
from mattermost_suite.actors.together import DevicesFailed
from mattermost_suite.domain import DeviceRecord
from mattermost_suite.story.events import Awaiting, EventBus, LoggedOut, NotLoggedOut, StillAwaited

pytestmark = pytest.mark.unit


def _device(name: str):
    return SimpleNamespace(name=name, record=DeviceRecord(name, "test user", "email"))


def _watch_two(monkeypatch, fast_fails: bool = False):
    monkeypatch.setattr(browsers, "STILL_AWAITED_EVERY", 0.2)
    fast, slow = _device("Fast"), _device("Slow")
    release_slow = threading.Event()
    heard: list[tuple[float, object]] = []

    def hear(event) -> None:
        heard.append((time.monotonic(), event))
        fast_judged = any(isinstance(e, LoggedOut | NotLoggedOut) for _, e in heard)
        if fast_judged and sum(isinstance(e, StillAwaited) for _, e in heard) >= 2:
            release_slow.set()  # the slow device ends only after two "still awaited" lines

    bus = EventBus()
    bus.subscribe(hear)
    watcher = SimpleNamespace(bus=bus, deadlines=SimpleNamespace(logout=90.0))

    def watch(device):
        if device is slow:
            assert release_slow.wait(10), "the slow device was never released"
        elif fast_fails:
            raise AssertionError("the browser is at /ad-1/channels/town-square")

    started = time.monotonic()
    outcome = None
    try:
        browsers.Browsers._watch(watcher, [fast, slow], watch, "reach the login page by themselves within 90 s")
    except DevicesFailed as error:
        outcome = error
    return started, heard, outcome


def test_each_device_is_told_the_moment_it_is_judged_and_the_awaited_ones_now_and_then(monkeypatch):
    started, heard, failed = _watch_two(monkeypatch)
    assert failed is None
    events = [event for _, event in heard]
    assert isinstance(events[0], Awaiting) and [d.name for d in events[0].devices] == ["Fast", "Slow"]
    assert events[0].until is not None and "within 90 s" in events[0].what
    [fast_at] = [at for at, event in heard if isinstance(event, LoggedOut) and event.devices[0].name == "Fast"]
    [slow_at] = [at for at, event in heard if isinstance(event, LoggedOut) and event.devices[0].name == "Slow"]
    # The slow device ends only once the fast one has been told (the hook above releases it): a watch that told
    # nothing before every device had ended would never release it. How soon after the start is the machine's.
    assert started < fast_at < slow_at and slow_at - fast_at >= 0.3, "the fast one was told before the slow one ended"
    still = [event for at, event in heard if isinstance(event, StillAwaited) and fast_at < at < slow_at]
    assert len(still) >= 2 and all([d.name for d in event.devices] == ["Slow"] for event in still)
    assert not [event for at, event in heard if isinstance(event, StillAwaited) and at > slow_at]


def test_a_device_that_fails_is_told_at_once_too(monkeypatch):
    _, heard, failed = _watch_two(monkeypatch, fast_fails=True)
    assert isinstance(failed, DevicesFailed) and "Fast: the browser is at /ad-1/channels/town-square" in str(failed)
    kinds = [type(event).__name__ for _, event in heard if not isinstance(event, StillAwaited)]
    assert kinds == ["Awaiting", "NotLoggedOut", "LoggedOut"]
