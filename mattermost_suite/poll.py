"""Polling: the one place where the suite pauses between two checks.

    until(condition, deadline_seconds, every_seconds, what) -> value
        Calls `condition()` until it returns something truthy and returns that. Between calls it pauses
        `every_seconds` (never past the deadline); once `deadline_seconds` have passed with no truthy answer it
        raises PollTimeout naming `what`. An exception from `condition` ends the polling at once.
    try_until(condition, deadline_seconds, every_seconds) -> value
        The same without the error: returns the last answer, falsy when the deadline passed first (for waits
        that go on either way, such as processes ending after a signal).
    until_clock_reaches(moment, clock=time.monotonic)
        Pauses until `clock()` reads `moment` or later (e.g. the wall-clock start of the next TOTP step).

Every function takes `clock` (seconds, monotonic by default) and `wait` (a callable that pauses for the seconds it
is given; `pause` by default) keywords, so unit tests run on a fake clock without pausing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
Clock = Callable[[], float]
Pause = Callable[[float], object]


def pause(seconds: float) -> None:
    """Pause the calling thread for `seconds` (an Event that is never set times out after exactly that)."""
    threading.Event().wait(seconds)


class PollTimeout(TimeoutError):
    """`what` did not come true within `deadline_seconds`."""

    def __init__(self, what: str, deadline_seconds: float):
        super().__init__(f"{what}: not within {deadline_seconds:g} s")
        self.what, self.deadline_seconds = what, deadline_seconds


def try_until(
    condition: Callable[[], T],
    deadline_seconds: float,
    every_seconds: float,
    *,
    clock: Clock = time.monotonic,
    wait: Pause = pause,
) -> T:
    """`condition()`'s first truthy answer, or its last (falsy) answer once `deadline_seconds` have passed."""
    deadline = clock() + deadline_seconds
    while not (value := condition()):
        remaining = deadline - clock()
        if remaining <= 0:
            return value
        wait(min(every_seconds, remaining))
    return value


def until(
    condition: Callable[[], T],
    deadline_seconds: float,
    every_seconds: float,
    what: str,
    *,
    clock: Clock = time.monotonic,
    wait: Pause = pause,
) -> T:
    """`condition()`'s first truthy answer; PollTimeout naming `what` once `deadline_seconds` have passed."""
    value = try_until(condition, deadline_seconds, every_seconds, clock=clock, wait=wait)
    if not value:
        raise PollTimeout(what, deadline_seconds)
    return value


def until_clock_reaches(moment: float, *, clock: Clock = time.monotonic, wait: Pause = pause) -> None:
    """Return once `clock()` reads `moment` or later (at once when it already does)."""
    while (remaining := moment - clock()) > 0:
        wait(remaining)
