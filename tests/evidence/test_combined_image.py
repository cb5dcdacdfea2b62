import io
import threading

import pytest
from allure_commons.types import AttachmentType
from PIL import Image

from mattermost_suite.evidence import DeviceCapture, attach_moment
from mattermost_suite.evidence.combined import (
    BACKGROUND,
    GAP,
    LABEL_HEIGHT,
    MIN_TILE_WIDTH,
    PLACEHOLDER,
    TILE_HEIGHT,
    combine,
    grid_columns,
)

from .fakes import FakeDriver, png

pytestmark = pytest.mark.unit

DESKTOP = png(1280, 800, (10, 200, 10))
PHONE = png(1080, 2400, (200, 10, 10))


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def near(pixel, colour, tolerance: int = 12) -> bool:
    """The sheet is a JPEG: a flat colour comes back within a few levels of what was drawn."""
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_tiles_share_one_height_side_by_side():
    sheet = image(
        combine(
            [
                DeviceCapture("Desktop", DESKTOP, "Town Square · /ad-1/channels/town-square"),
                DeviceCapture("Phone", PHONE, "Mattermost · /login"),
            ]
        )
    )
    desktop_width = round(1280 * TILE_HEIGHT / 800)
    phone_width = max(MIN_TILE_WIDTH, round(1080 * TILE_HEIGHT / 2400))
    assert sheet.size == (GAP * 3 + desktop_width + phone_width, GAP * 2 + LABEL_HEIGHT + TILE_HEIGHT)
    shot_y = GAP + LABEL_HEIGHT + TILE_HEIGHT // 2
    assert near(sheet.getpixel((GAP + 5, shot_y)), (10, 200, 10))
    assert sheet.getpixel((GAP * 2 + desktop_width + phone_width // 2, shot_y))[0] > 180  # the phone, centred


def test_each_tile_is_labelled_with_device_and_state():
    sheet = image(combine([DeviceCapture("Desktop Chromium", DESKTOP, "Mattermost · /login")]))
    band = sheet.crop((GAP, GAP, sheet.width - GAP, GAP + LABEL_HEIGHT))
    light = [p for p in band.get_flattened_data() if min(p) > 150]
    assert len(light) > 200, "no label text drawn in the band above the screenshot"
    assert near(band.getpixel((band.width - 2, 2)), BACKGROUND)


def test_failed_device_gets_a_placeholder_tile():
    sheet = image(combine([DeviceCapture("Laptop asleep", None, "state unknown", "TimeoutException: no answer")]))
    assert near(sheet.getpixel((GAP + 5, GAP + LABEL_HEIGHT + TILE_HEIGHT - 5)), PLACEHOLDER)


def test_unreadable_png_becomes_a_placeholder():
    sheet = image(combine([DeviceCapture("Broken", b"not a png", "?")]))
    assert near(sheet.getpixel((GAP + 5, GAP + LABEL_HEIGHT + 5)), PLACEHOLDER)


def test_many_devices_form_a_grid():
    assert [grid_columns(n) for n in (1, 3, 4, 5, 7, 9, 10)] == [1, 3, 4, 3, 3, 3, 4]
    sheet = image(combine([DeviceCapture(f"Device {n}", DESKTOP, "ok") for n in range(7)]))
    assert sheet.height == GAP + 3 * (LABEL_HEIGHT + TILE_HEIGHT + GAP)


def test_moment_shoots_all_devices_at_once_and_attaches_each_plus_combined(attached):
    barrier = threading.Barrier(3, timeout=10)
    devices = {
        "Desktop Chromium": FakeDriver(DESKTOP, barrier=barrier),
        "iPhone": FakeDriver(PHONE, barrier=barrier),
        "Laptop asleep": FakeDriver(None, barrier=barrier),
    }
    captures = attach_moment("After Confirm", devices)
    assert [c.ok for c in captures] == [True, True, False]
    assert captures[2].error.startswith("WebDriverException: chrome not reachable")
    assert captures[0].state == "Mattermost · /login"  # the query string is never shown
    assert attached.names() == [
        "After Confirm - Desktop Chromium",
        "After Confirm - iPhone",
        "After Confirm - Laptop asleep (no screenshot)",
        "After Confirm - all devices",
    ]
    sheet = attached.body("After Confirm - all devices")
    assert sheet.startswith(b"\xff\xd8") and attached.calls[-1][2] == AttachmentType.JPG  # "image/jpg" in Allure
    assert image(sheet).width > 1000
    assert attached.body("After Confirm - Desktop Chromium") == DESKTOP  # each device's own PNG, untouched


def test_a_hung_device_does_not_stall_the_moment(attached):
    release = threading.Event()

    class HungDriver(FakeDriver):
        def get_screenshot_as_png(self):
            release.wait(10)
            return DESKTOP

    try:
        captures = attach_moment("Hung", {"Hung": HungDriver(), "Fine": FakeDriver(DESKTOP)}, deadline=0.5)
    finally:
        release.set()
    assert captures[0].error == "no screenshot within 0.5 s" and captures[1].ok
