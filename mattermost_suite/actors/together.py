"""One action on several devices at the same time, each device's outcome kept by name."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import TimeoutError as CommandTimedOut

from mattermost_suite.fleet import Device
from mattermost_suite.fleet.drivers import NO_ANSWER

T = TypeVar("T")
Outcomes = list[tuple[Device, object, str]]


def no_answer(error: Exception) -> str:
    reason = getattr(error, "reason", None) or error
    # urllib3 counts a refused connection as a timeout too
    if isinstance(reason, CommandTimedOut) and not isinstance(reason, NewConnectionError):
        timeout = re.search(r"timeout=([\d.]+)", str(reason))
        within = f" within {float(timeout.group(1)):g} s" if timeout else " in time"
        return f"the browser did not answer a WebDriver command{within}"
    return f"its WebDriver endpoint is gone ({type(reason).__name__})"


class DevicesFailed(AssertionError):
    """A check failed on these devices: the message says what each did instead, `devices` says which (the evidence
    attaches their screenshots and page sources)."""

    def __init__(self, message: str, devices: Sequence[Device]):
        super().__init__(message)
        self.devices = tuple(devices)


def on_every_device(
    devices: Sequence[Device],
    action: Callable[[Device], T],
    on_each: Callable[[tuple[Device, object, str]], None] | None = None,
) -> Outcomes:
    """(device, result, problem) per device, in the given order; problem is "" when the action succeeded.
    `on_each` hears each device's outcome the moment it is known (from that device's thread).

    Each action carries its own deadline, so this needs none. Only AssertionError, WebDriver-level errors and a
    browser that did not answer a command in time are turned into problems; anything else is a bug in the suite
    and is raised.
    """

    def outcome(device: Device):
        try:
            return device, action(device), ""
        except AssertionError as error:
            return device, None, str(error)
        except Exception as error:  # noqa: BLE001 - a dead browser is this device's outcome, not a crash
            if type(error).__module__.startswith("selenium"):
                text = str(error).strip()
                return device, None, f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"
            if isinstance(error, NO_ANSWER):  # the WebDriver command timeout (fleet/drivers.py), a driver gone
                return device, None, no_answer(error)
            raise

    def attempt(device: Device):
        known = outcome(device)
        if on_each is not None:
            on_each(known)
        return known

    pool = ThreadPoolExecutor(max_workers=len(devices) or 1, thread_name_prefix="device")
    try:
        return list(pool.map(attempt, devices))
    finally:
        # Not a `with` block: on Ctrl-C it would wait out every watcher's deadline before the browsers are quit.
        # Once the fixtures quit the browsers, a still-running watcher fails at its next look and ends.
        pool.shutdown(wait=False, cancel_futures=True)


def results_or_fail(outcomes: Outcomes, what: str) -> list:
    """Every device's result; else one DevicesFailed naming every device that failed and what it did instead."""
    failed = [(device, problem) for device, _, problem in outcomes if problem]
    if failed:
        lines = "\n".join(f"  - {device.name}: {problem}" for device, problem in failed)
        raise DevicesFailed(
            f"{len(failed)} of {len(outcomes)} devices did not {what}:\n{lines}", [device for device, _ in failed]
        )
    return [result for _, result, _ in outcomes]


def blamed_on_browser(verb):
    """For a verb of an actor with one browser (`self.browser`): its failures name that browser for the evidence."""

    @functools.wraps(verb)
    def run(self, *args, **kwargs):
        try:
            return verb(self, *args, **kwargs)
        except DevicesFailed:
            raise
        except AssertionError as error:
            raise DevicesFailed(str(error), [self.browser] if self.browser is not None else []) from None
        except NO_ANSWER as error:
            raise DevicesFailed(no_answer(error), [self.browser] if self.browser is not None else []) from None

    return run
