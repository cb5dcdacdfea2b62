"""What a tester watching the run reads, live: progress lines on stderr (behave captures the steps' own output).

`Console` is the narrator's console output (story/narrator.py): it says what each event means, in the presenter's
words; `say` is also for the hooks and fixtures, which own the run's lifetimes.
"""

from __future__ import annotations

import sys

from mattermost_suite.secrets import mask
from mattermost_suite.story import presenter
from mattermost_suite.story.events import (
    Awaiting,
    ExtraAppsChecked,
    ExtraAppsLoggedIn,
    LoggedIn,
    LoggedOut,
    NotLoggedOut,
    SentAway,
    StillAwaited,
    WentToSleep,
)
from mattermost_suite.story.narrator import Story


def say(line: str) -> None:
    stream = sys.__stderr__ or sys.stderr
    stream.write(mask(f"MM-T940: {line}") + "\n")
    stream.flush()


class Console:
    def tell(self, event: object, story: Story) -> None:
        match event:
            case LoggedIn(devices, landed):
                for device in devices:
                    if device.record.role == "system admin":
                        say(presenter.logged_in_line(device.record, landed[device.record.label]))
            case WentToSleep(devices) | LoggedOut(devices):
                for device in devices:
                    say(
                        presenter.went_to_sleep_line(device.record)
                        if isinstance(event, WentToSleep)
                        else presenter.device_line(device.record, story.confirmed_at)
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
