"""The one narrator of a scenario: it listens to the actors' events, keeps the story they make (which devices are in
it, which browsers have logged in, when the revoke was confirmed), and tells each event to its outputs, which only
decide how to show it: the console (story/narration.py) and the Allure report (evidence/listener.py). The run's
JUnit gets the same story through the outcomes the hooks record (evidence/outcomes.py) and the lines said here."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from mattermost_suite.domain import DeviceRecord
from mattermost_suite.story import presenter
from mattermost_suite.story.events import DevicesChosen, ExtraAppsChecked, LoggedIn, RevokeConfirmed


class Story:
    """What the events have told so far, for every output to read."""

    def __init__(self):
        self.records: list[DeviceRecord] = []
        self.browsers: list = []  # logged-in browsers (devices with a driver), the test user's first
        self.confirmed_at: datetime | None = None
        self.extra_apps_refused = ""  # the extra app sessions' verdict, once they were refused

    def note(self, event: object) -> None:
        match event:
            case DevicesChosen(records):
                self.records += records
            case LoggedIn(devices, _):
                self.browsers += [device for device in devices if device.driver is not None]
            case RevokeConfirmed(_, at):
                self.confirmed_at = at
            case ExtraAppsChecked(count, "refused", _, _):
                self.extra_apps_refused = presenter.extra_apps_line(count, "refused")

    def summary(self) -> list[str]:
        """Every device's outcome by name, also after a failure midway, and the extra app sessions' verdict."""
        lines = [presenter.summary_line(record, self.confirmed_at) for record in self.records]
        return lines + ([f"outcome: {self.extra_apps_refused}"] if self.extra_apps_refused else [])


class Output(Protocol):
    def tell(self, event: object, story: Story) -> None: ...


class Narrator:
    def __init__(self, story: Story, *outputs: Output):
        self.story = story
        self.outputs = outputs

    def on_event(self, event: object) -> None:
        self.story.note(event)  # first: an output reads the story with this event in it
        for output in self.outputs:
            output.tell(event, self.story)
