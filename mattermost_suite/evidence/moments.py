"""A key moment of MM-T940 seen on every device at once: one screenshot per device plus a combined image."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from allure_commons.types import AttachmentType

from mattermost_suite.evidence.attachments import attach_jpeg, attach_png, attach_text
from mattermost_suite.evidence.capture import DeviceCapture, PageDescriber, capture_device, one_line
from mattermost_suite.evidence.combined import combine
from mattermost_suite.evidence.later import attach_later

log = logging.getLogger(__name__)

# A screenshot of a stuck browser must not stall the run: after this, the device gets a placeholder.
SCREENSHOT_DEADLINE_SECONDS = 30.0


def capture_all(
    devices: Mapping[str, object], describe: PageDescriber | None = None, deadline: float = SCREENSHOT_DEADLINE_SECONDS
) -> list[DeviceCapture]:
    """Screenshots of all devices taken concurrently (the moment is the same for all), in the mapping's order."""
    if not devices:
        return []
    pool = ThreadPoolExecutor(max_workers=min(8, len(devices)), thread_name_prefix="evidence")
    try:
        futures = {name: pool.submit(capture_device, name, driver, describe) for name, driver in devices.items()}
        captures = []
        for name, future in futures.items():
            try:
                captures.append(future.result(timeout=deadline))
            except FutureTimeout:
                captures.append(DeviceCapture(name, None, "state unknown", f"no screenshot within {deadline:g} s"))
            except Exception as error:
                captures.append(DeviceCapture(name, None, "state unknown", one_line(error)))
        return captures
    finally:
        # Do not wait for a hung driver call; its thread ends when the driver's own HTTP timeout fires.
        pool.shutdown(wait=False, cancel_futures=True)


def attach_moment(
    moment: str,
    devices: Mapping[str, object],
    describe: PageDescriber | None = None,
    deadline: float = SCREENSHOT_DEADLINE_SECONDS,
) -> list[DeviceCapture]:
    """Attach "<moment> - <device>" for each device and "<moment> - all devices". Never raises.

    Attaching happens on the calling thread: allure-behave keeps the current step per thread. The combined image
    takes its place in the step at once and is made in the background (later.py).
    """
    captures = capture_all(devices, describe, deadline)
    for capture in captures:
        if capture.png is not None:
            attach_png(f"{moment} - {capture.device}", capture.png)
        else:
            attach_text(f"{moment} - {capture.device} (no screenshot)", f"{capture.state}\n{capture.error}")
    if captures:
        name, make = f"{moment} - all devices", lambda: combine(captures)
        if not attach_later(name, AttachmentType.JPG, make):  # no Allure step to reserve a place in: make it now
            try:
                attach_jpeg(name, make())
            except Exception as error:
                log.warning("combined image for %r not attached: %s", moment, one_line(error))
    return captures
