"""Taking one device's full-window screenshot and a short description of the page it shows."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium.common.exceptions import TimeoutException

from mattermost_suite.evidence.masking import mask_text
from mattermost_suite.fleet.cdp import cdp, is_chromium
from mattermost_suite.fleet.drivers import NO_ANSWER

log = logging.getLogger(__name__)

# Describes what a browser shows, e.g. "login page: session expired banner"; the suite may pass its own.
PageDescriber = Callable[[object], str]

# WebKitGTK can return a screenshot of the previous frame right after a click: wait two frames first.
_TWO_FRAMES = """
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
"""


@dataclass(frozen=True)
class DeviceCapture:
    """One device at one moment: the PNG (None when it could not be taken), the page state, or the error."""

    device: str
    png: bytes | None
    state: str
    error: str = ""
    silent: bool = False  # the browser did not answer a command in time: ask it nothing more now

    @property
    def ok(self) -> bool:
        return self.png is not None


# A browser that does not answer: the command timeout (fleet/drivers.py), or the driver's own deadline for a page that
# never finishes loading or a script that never returns (each further command would wait for it again).
STUCK = (*NO_ANSWER, TimeoutException)


# One script for both: a moment's screenshots wait for the description, and each command is a hop (through the grid).
URL_AND_TITLE = "return [document.location.href, document.title];"


def describe_page(driver) -> str:
    """Default page state: the title and the URL path (never the query, which may carry tokens)."""
    answer = driver.execute_script(URL_AND_TITLE)
    if not isinstance(answer, list) or len(answer) != 2:  # Firefox answers null when the page navigated meanwhile
        raise ValueError(f"no page to describe (the browser answered {answer!r})")
    href, title = answer
    url = urlsplit(href or "")
    return mask_text(f"{(title or '').strip() or '(untitled)'} · {url.path or '/'}")


def one_line(error: BaseException) -> str:
    """An error as one masked line: WebDriver messages carry multi-line stack traces."""
    text = f"{type(error).__name__}: {getattr(error, 'msg', None) or error}"
    return mask_text(text.strip().splitlines()[0])[:160]


def is_webkit(driver) -> bool:
    caps = getattr(driver, "capabilities", None) or {}
    return str(caps.get("browserName", "")).lower() in ("minibrowser", "webkitgtk", "cog", "safari")


# What the screen shows: the visual viewport in page coordinates (CSS pixels), its zoom, and how many device pixels a
# CSS pixel takes.
_VIEWPORT = """const v = window.visualViewport;
return [v.pageLeft, v.pageTop, v.width, v.height, v.scale, window.devicePixelRatio];"""


def full_window_png(driver) -> bytes:
    """Full-window screenshot: WebKitGTK element screenshots come back black, so never crop by element."""
    if is_webkit(driver):
        try:
            driver.execute_async_script(_TWO_FRAMES)
        except Exception as error:  # a frozen (sleeping) page: take the picture anyway
            log.debug("frame wait skipped: %s", one_line(error))
    if is_chromium(driver):
        try:
            return chromium_png(driver)
        except STUCK:
            raise  # a stuck browser: asking again would wait out the command timeout again
        except Exception as error:  # e.g. a Grid that does not relay DevTools: WebDriver's own screenshot then
            log.debug("DevTools screenshot not taken: %s", one_line(error))
    return driver.get_screenshot_as_png()


def chromium_png(driver) -> bytes:
    """Chromium's own screenshot through DevTools (WebDriver's is the same call, without these two options):
    - optimizeForSpeed: a faster PNG compression, still lossless; the browser spends a quarter less CPU on a desktop
      screenshot and the evidence half the time to decode it, for a file about 1.7 times the size;
    - an emulated phone drawn at one pixel per CSS pixel (390x844 for an iPhone 12 Pro instead of its 1170x2532
      device pixels): the same page, as readable in the report (a phone is shown 540 px tall there), at a fifth of the
      CPU to make and to decode.
    """
    left, top, width, height, zoom, ratio = driver.execute_script(_VIEWPORT)
    params = {"format": "png", "optimizeForSpeed": True}
    if ratio and ratio > 1:
        # Chromium draws a clip at `scale` times its device pixels: the page's zoom (1 where the page sets its viewport
        # to the device's width, as Mattermost does) over the pixel ratio gives one pixel per CSS pixel of the screen.
        params["clip"] = {"x": left, "y": top, "width": width, "height": height, "scale": zoom / ratio}
    return base64.b64decode(cdp(driver, "Page.captureScreenshot", params)["data"])


def capture_device(device: str, driver, describe: PageDescriber | None = None) -> DeviceCapture:
    """Never raises: a failure becomes a capture with an error, shown as a placeholder tile. A browser that did not
    answer in time is asked nothing more (each command would wait out the command timeout again)."""
    describe = describe or describe_page
    try:
        state = mask_text(describe(driver))
    except STUCK as error:
        return _no_screenshot(device, "state unknown", error, silent=True)
    except Exception as error:
        state = f"state unknown ({one_line(error)})"
    try:
        return DeviceCapture(device, full_window_png(driver), state)
    except Exception as error:
        return _no_screenshot(device, state, error, silent=isinstance(error, STUCK))


def _no_screenshot(device: str, state: str, error: Exception, silent: bool) -> DeviceCapture:
    log.warning("screenshot of %s failed: %s", device, one_line(error))
    return DeviceCapture(device, None, state, one_line(error), silent)
