"""One narrator listens to a scenario's events and keeps the story once; the console and the Allure report are its
outputs, and each reads the story with the event it is told already in it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from mattermost_suite.domain import DeviceRecord
from mattermost_suite.story.events import DevicesChosen, EventBus, RevokeConfirmed
from mattermost_suite.story.narrator import Narrator, Story
from tests.support.constants import ROOT

pytestmark = pytest.mark.unit


class Recording:
    def __init__(self):
        self.told: list[tuple[object, int, datetime | None]] = []

    def tell(self, event, story):
        self.told.append((event, len(story.records), story.confirmed_at))


def test_every_output_is_told_every_event_after_the_story_has_it():
    console, report = Recording(), Recording()
    bus, narrator = EventBus(), Narrator(Story(), console, report)
    bus.subscribe(narrator.on_event)
    record, at = DeviceRecord("iPhone", "test user", "email"), datetime(2026, 12, 7, tzinfo=UTC)
    bus.publish(DevicesChosen((record,)))
    bus.publish(RevokeConfirmed(None, at))
    assert console.told == report.told == [(DevicesChosen((record,)), 1, None), (RevokeConfirmed(None, at), 1, at)]
    assert narrator.story.summary() == ["outcome: iPhone (test user, awake): no outcome"]


def test_the_scenarios_events_have_one_listener():
    subscriptions = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in (ROOT / "mattermost_suite").rglob("*.py")
        for line in path.read_text().splitlines()
        if re.search(r"\.subscribe\(", line)
    ]
    assert subscriptions == ["mattermost_suite/lifecycle/fixtures.py: bus.subscribe(narrator.on_event)"]
