"""Run one action on every device at the same time, and report each device's outcome by name."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence, TypeVar

from ..fleet import Device

T = TypeVar("T")


def on_every_device(devices: Sequence[Device], action: Callable[[Device], T]) -> list[tuple[Device, T | None, str]]:
    """(device, result, problem) per device, in the given order; problem is "" when the action succeeded.

    Each action carries its own deadline, so this needs none. Only AssertionError and WebDriver-level errors are
    turned into problems; anything else is a bug in the suite and is raised.
    """
    def attempt(device: Device):
        try:
            return device, action(device), ""
        except AssertionError as error:
            return device, None, str(error)
        except Exception as error:  # noqa: BLE001 - a dead browser is this device's outcome, not a crash
            if type(error).__module__.startswith("selenium"):
                return device, None, f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}"
            raise

    pool = ThreadPoolExecutor(max_workers=len(devices) or 1, thread_name_prefix="device")
    try:
        return list(pool.map(attempt, devices))
    finally:
        # Not a `with` block: on Ctrl-C it would wait out every watcher's deadline before the browsers are quit.
        # Once the fixtures quit the browsers, a still-running watcher fails at its next look and ends.
        pool.shutdown(wait=False, cancel_futures=True)


def fail_unless_all_ok(outcomes, what: str) -> None:
    """Raise one assertion naming every device that failed, and what each one did instead."""
    failed = [f"  - {device.name}: {problem}" for device, _, problem in outcomes if problem]
    if failed:
        raise AssertionError(f"{len(failed)} of {len(outcomes)} devices did not {what}:\n" + "\n".join(failed))


def logged_out_everywhere(outcomes, what: str, not_logged_out: str = "NOT logged out") -> list[str]:
    """Record each failed device's outcome, fail naming them all, else return every device's outcome line."""
    for device, _, problem in outcomes:
        if problem:
            device.record.outcome = f"{not_logged_out}: {problem}"
    fail_unless_all_ok(outcomes, what)
    return [line for _, line, _ in outcomes]
