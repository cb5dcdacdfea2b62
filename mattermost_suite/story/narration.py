"""What a tester watching the run reads, live: progress lines on stderr (behave captures the steps' own output).

`Narrator` listens to a scenario's events and says what happened, in the presenter's words; `say` is for the hooks
and fixtures, which own the run's lifetimes.
"""

from __future__ import annotations

import sys
from datetime import datetime

from mattermost_suite.domain import DeviceRecord
from mattermost_suite.secrets import mask
from mattermost_suite.story import presenter
from mattermost_suite.story.events import (
    Awaiting,
    DevicesChosen,
    ExtraAppsChecked,
    ExtraAppsLoggedIn,
    LoggedIn,
    LoggedOut,
    NotLoggedOut,
    RevokeConfirmed,
    SentAway,
    StillAwaited,
    WentToSleep,
)


def say(line: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    stream.write(mask(f"MM-T940: {line}") + "\n")
    stream.flush()


class Narrator:
    def __init__(self):
        self.records: list[DeviceRecord] = []
        self.confirmed_at: datetime | None = None
        self.extra_apps_refused = ""

    def on_event(self, event: object) -> None:
        match event:
            case DevicesChosen(records):
                self.records += records
            case LoggedIn(devices, landed):
                for device in devices:
                    if device.record.role == "system admin":
                        say(presenter.logged_in_line(device.record, landed[device.record.label]))
            case RevokeConfirmed(_, at):
                self.confirmed_at = at
            case WentToSleep(devices) | LoggedOut(devices):
                for device in devices:
                    say(
                        presenter.went_to_sleep_line(device.record)
                        if isinstance(event, WentToSleep)
                        else presenter.device_line(device.record, self.confirmed_at)
                    )
            case Awaiting(devices, what, until):
                say(presenter.awaiting_line([device.record for device in devices], what, until))
            case StillAwaited(devices):
                say(presenter.still_awaited_line([device.record for device in devices]))
            case NotLoggedOut(problems):
                for device, problem in problems:
                    say(f"{device.record.name}: {problem}")
            case SentAway(_, to):
                say(f"the test user is at {to}")
            case ExtraAppsLoggedIn(count, seconds, at_once):
                say(presenter.extra_apps_logged_in_line(count, seconds, at_once))
            case ExtraAppsChecked(count, verdict, _, seconds):
                say(presenter.extra_apps_line(count, verdict, seconds))
                if verdict == "refused":  # the outcome, without the time its check took
                    self.extra_apps_refused = presenter.extra_apps_line(count, verdict)

    def summary(self) -> list[str]:
        """Every device's outcome by name, also after a failure midway, and the extra app sessions' verdict."""
        lines = [presenter.summary_line(record, self.confirmed_at) for record in self.records]
        return lines + ([f"outcome: {self.extra_apps_refused}"] if self.extra_apps_refused else [])
