"""What happens in MM-T940, as events the actors publish and listeners (evidence, narration) subscribe to.

Actors publish on the step's own thread, after any concurrent work has finished: allure-behave attaches to the
step of the thread that attaches. A listener that fails never fails the test: the verdict comes from the checks.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mattermost_suite.domain import DeviceRecord
from mattermost_suite.secrets import mask


@dataclass(frozen=True)
class DevicesChosen:
    """The devices a person is about to use, before any starts (a timeline shows those that never logged in)."""

    records: tuple[DeviceRecord, ...]


@dataclass(frozen=True)
class OnDevice:
    """Something that happened on one device."""

    device: Any


@dataclass(frozen=True)
class OnDevices:
    """Something that happened on several devices at once."""

    devices: tuple[Any, ...]


@dataclass(frozen=True)
class LoggedIn(OnDevices):
    """Browsers and apps logged in; `landed` is where each browser's web app went (by device label)."""

    landed: dict[str, str] = field(default_factory=dict)


class ConfirmationShown(OnDevice):
    """The system admin's browser shows the confirmation."""


class RevokeCancelled(OnDevice):
    """The system admin clicked Cancel in the confirmation."""


@dataclass(frozen=True)
class RevokeConfirmed(OnDevice):
    """The moment every logout latency is measured from."""

    at: datetime


class WentToSleep(OnDevices):
    """Computers asleep or phones with their screen locked, from now until they wake or are unlocked."""


class LoggedOut(OnDevices):
    """Devices that noticed the revoke by themselves: a browser on the login page, an app refused."""


@dataclass(frozen=True)
class Awaiting(OnDevices):
    """Devices watched from now until each has done `what`, at the latest by `until`."""

    what: str = ""
    until: datetime | None = None


@dataclass(frozen=True)
class StillAwaited(OnDevices):
    """Devices of the watch that have not been judged yet (said now and then while the watch goes on)."""


@dataclass(frozen=True)
class NotLoggedOut:
    """Devices still logged in where they should not be: (device, what it showed instead)."""

    problems: tuple[tuple[Any, str], ...]


@dataclass(frozen=True)
class SentAway(OnDevice):
    """A user who may not use the System Console was sent elsewhere, `to` that page."""

    to: str


@dataclass(frozen=True)
class SessionsListed:
    """What the server lists for a person at a check (tokens are masked by the evidence layer)."""

    title: str
    username: str
    sessions: Any
    error: str = ""


@dataclass(frozen=True)
class ExtraAppsLoggedIn:
    """The extra app sessions (extra_app_sessions) logged in, `at_once` at a time, in `seconds`."""

    count: int
    seconds: float
    at_once: int


@dataclass(frozen=True)
class ExtraAppsChecked:
    count: int
    verdict: str  # "accepted" (listed as mobile and accepted) or "refused" (all refused with the expired id)
    error_id: str = ""
    seconds: float | None = None  # how long the server-side check of every session took (this step's check)


Listener = Callable[[object], None]


class EventBus:
    """One per scenario: the scenario fixture subscribes its listeners, the actors publish."""

    def __init__(self):
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def publish(self, event: object) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception as error:  # evidence and narration are best effort
                print(
                    mask(f"MM-T940: {type(event).__name__} listener failed: {type(error).__name__}: {error}"),
                    file=sys.__stderr__ or sys.stderr,
                    flush=True,
                )
