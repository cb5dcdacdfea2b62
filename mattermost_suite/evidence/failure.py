"""What a failing device showed: screenshot, page source and browser console log, all masked."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from selenium.webdriver.remote.command import Command

from mattermost_suite.evidence.attachments import attach_screenshot, attach_text
from mattermost_suite.evidence.capture import one_line

# Only Chromium-based drivers (local or behind a grid) serve the legacy log endpoint;
# geckodriver and WebKitWebDriver do not implement it.
# ChromeDriver names the headless shell "chrome-headless-shell": the suite's default Chromium (docs/devices.md).
_CHROMIUM_NAMES = ("chrome", "chrome-headless-shell", "chromium", "msedge", "microsoftedge")


def browser_name(driver) -> str:
    caps = getattr(driver, "capabilities", None) or {}
    return str(caps.get("browserName") or getattr(driver, "name", "") or "unknown browser")


def console_log(driver) -> str:
    """The browser console as text lines, or a note saying why there is none. Never raises."""
    name = browser_name(driver)
    if name.lower() not in _CHROMIUM_NAMES:
        return (
            f"The browser console log is not available for {name}: its WebDriver does not support "
            "reading the console (only Chromium's does)."
        )
    try:
        entries = driver.execute(Command.GET_LOG, {"type": "browser"})["value"]
    except Exception as error:
        return f"The browser console log could not be read from {name}: {one_line(error)}"
    if not entries:
        return "The browser console log is empty."
    return "\n".join(_console_line(entry) for entry in entries)


def _console_line(entry: dict) -> str:
    stamp = entry.get("timestamp")
    when = (
        datetime.fromtimestamp(stamp / 1000, tz=UTC).isoformat(timespec="milliseconds")
        if isinstance(stamp, (int, float))
        else ""
    )
    return f"{when} {entry.get('level', '')} {entry.get('message', json.dumps(entry))}".strip()


def page_source(driver) -> str:
    try:
        return f"<!-- {driver.current_url} -->\n{driver.page_source or ''}"
    except Exception as error:
        return f"The page source could not be read: {one_line(error)}"


def attach_failure(driver, device_name: str) -> None:
    """Attach "<device> - failure screenshot", "- page source" and "- console log". Never raises."""
    screenshot = attach_screenshot(driver, f"{device_name} - failure screenshot")
    if screenshot.silent:  # each further command would wait out the command timeout again
        source = console = f"Not read: the browser did not answer the screenshot's command ({screenshot.error})."
    else:
        source, console = page_source(driver), console_log(driver)
    attach_text(f"{device_name} - page source", source)
    attach_text(f"{device_name} - console log", console)
