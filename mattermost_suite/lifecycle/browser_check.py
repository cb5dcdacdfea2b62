"""Preflight for browsers: every device of the run can get its browser, checked before any browser starts.

A missing browser or driver would otherwise surface as a traceback in the first step, after the stand-in, the
grid and the test user were already set up.
"""

from __future__ import annotations

import os

from mattermost_suite.config import Config
from mattermost_suite.errors import ConfigError
from mattermost_suite.fleet.drivers import chromedriver_path, geckodriver_path
from mattermost_suite.fleet.profiles import browsers_for

INSTALL_HINT = "run bash scripts/setup, or leave those devices out with -D devices=..."


def check_browsers(config: Config) -> None:
    """Raise ConfigError (one line) when a needed browser engine is not available for this run."""
    needed = browsers_for(config.devices)
    if config.grid_url:
        return  # an external grid answers for itself, at once, when a session is requested
    if config.grid == "embedded":
        from mattermost_suite.engines import installed_browsers  # reads the machine; only needed for the embedded grid

        missing = [b for b in needed if b not in installed_browsers()]
        if missing:
            raise ConfigError(
                f"the embedded Selenium Grid cannot serve {', '.join(missing)}: not installed here "
                f"(browser, driver, or Xvfb for WebKit); {INSTALL_HINT}"
            )
        return
    for browser in needed:
        _check_local(browser, config)


def _check_local(browser: str, config: Config) -> None:
    if browser == "webkit":
        raise ConfigError(
            "grid=off cannot run WebKit devices (WebKitGTK has no headless mode and needs the grid's "
            "virtual display): use the embedded grid or leave them out with -D devices=..."
        )
    binary, setting, find_driver = {
        "chromium": (config.chromium_binary, "chromium_binary", chromedriver_path),
        "firefox": (config.firefox_binary, "firefox_binary", geckodriver_path),
    }[browser]
    if not (binary and os.access(binary, os.X_OK)):
        raise ConfigError(f"{setting}={binary!r} is not an executable browser; {INSTALL_HINT}")
    find_driver(config)  # raises one line naming how to get the driver
