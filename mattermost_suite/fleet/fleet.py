"""Fleet: owns every browser session and app session of a scenario; starts them concurrently, always ends them.

A scenario may warm its fleet up (warm_up): the browsers it is going to ask for start at once, while its test user is
seeded, and start() then hands each device a warm browser of its profile instead of starting one; a warm browser
nobody asked for is quit with the others."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.config import Config
from mattermost_suite.domain import LANDING_BROWSERS, LANDING_PHONES, DeviceRecord, Site
from mattermost_suite.errors import SuiteError
from mattermost_suite.fleet.apps import AppSession
from mattermost_suite.fleet.drivers import new_driver, quit_driver
from mattermost_suite.fleet.profiles import DeviceProfile
from mattermost_suite.secrets import Secret

Page = TypeVar("Page")


@dataclass
class Device:
    """One live browser session (driver) or mobile app session (app) of one person, plus its record."""

    profile: DeviceProfile
    driver: WebDriver | None
    record: DeviceRecord
    session_token: Secret | None = field(default=None, repr=False)
    app: AppSession | None = field(default=None, repr=False)
    requests_when_locked: int = 0  # an app's request count when its screen was locked
    site: Site | None = field(default=None, repr=False)
    met_landing_page: bool = False  # the web app shows a browser its landing page once

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def meets_landing_page(self) -> bool:
        """Whether the web app will show this browser its landing page, once: not after it has, not in the desktop
        app (it is already there), and before 7.3 only on a phone's browser (the mobile app's landing page)."""
        if self.met_landing_page or not self.site or self.profile.is_desktop_app:
            return False
        if self.site.landing_page == LANDING_PHONES:
            return bool(self.profile.mobile_emulation)
        return self.site.landing_page == LANDING_BROWSERS

    def on(self, page: type[Page]) -> Page:
        """This browser seen through a page object: `device.on(LoginPage).wait_until_shown(...)`."""
        return page(self.driver, self.site)


class Fleet:
    def __init__(self, config: Config, site: Site | None = None):
        self.config = config
        self.site = site
        self.devices: list[Device] = []
        self.apps: list[AppSession] = []  # every app session opened, table devices and extras alike
        self._lock = threading.Lock()
        self._closed = False  # quit_all() was called: every browser that arrives from now on is quit
        self._warm: dict[str, list[Future]] = {}  # profile name -> browsers started ahead, not handed out yet

    def warm_up(self, profiles: Sequence[DeviceProfile]) -> None:
        """Start these browsers now, before start() asks for them (each profile as often as it is listed)."""
        profiles = [profile for profile in profiles if profile.starts_a_browser]
        if not profiles:
            return
        pool = ThreadPoolExecutor(max_workers=len(profiles), thread_name_prefix="browser-warm-up")
        try:
            for profile in profiles:
                future = pool.submit(new_driver, profile, self.config)
                with self._lock:
                    self._warm.setdefault(profile.name, []).append(future)
        finally:
            pool.shutdown(wait=False)

    def _warm_browser(self, profile: DeviceProfile) -> Future | None:
        with self._lock:
            warm = self._warm.get(profile.name)
            return warm.pop(0) if warm else None

    def start(self, wanted: list[tuple[DeviceProfile, DeviceRecord]]) -> list[Device]:
        """Start one browser per wanted device, all at once, within the session_start deadline.

        A session that arrives after the deadline, after a failure of this call or after quit_all() is quit on
        arrival, so no browser is ever left behind (also on Ctrl-C while waiting). Calls may run at the same time.
        """
        deadline = self.config.deadlines.session_start
        pool = ThreadPoolExecutor(max_workers=len(wanted) or 1, thread_name_prefix="browser-start")
        waiting = _Waiting()
        futures: dict[Future, tuple[DeviceProfile, DeviceRecord]] = {}
        done: set[Future] = set()
        try:
            for profile, record in wanted:
                future = self._warm_browser(profile) or pool.submit(new_driver, profile, self.config)
                futures[future] = (profile, record)
                future.add_done_callback(partial(self._arrived, profile, record, waiting))
            done, late = wait(futures, timeout=deadline)
        finally:
            # wait() returns as soon as a start is done, before that future's callback has run: the browsers done in
            # time are adopted here (if their callback has not already), and every other one is quit on arrival.
            unwanted = []
            with self._lock:
                waiting.still = False
                for future in done:
                    if future.exception() is None and future not in waiting.claimed:
                        waiting.claimed.add(future)
                        unwanted += self._adopted(*futures[future], future.result())
            for driver in unwanted:
                _quit_quietly(driver)
            pool.shutdown(wait=False)  # never wait for a hung start: that would defeat the deadline
        problems = [f"{futures[f][1].name}: {_first_line(f.exception())}" for f in done if f.exception()]
        problems += [f"{futures[f][1].name}: no session within {deadline:g} s (session_start_deadline)" for f in late]
        if problems:
            raise SuiteError("could not start every browser: " + "; ".join(problems))
        # The same device name may serve two people (e.g. both on "Desktop Chromium"): match by record.
        return [device for _, record in wanted for device in self.devices if device.record is record]

    def open_app(self, profile: DeviceProfile) -> AppSession:
        """A not yet logged-in app session; closed by quit_all()."""
        app = AppSession(
            profile.user_agent, profile.device_id_prefix, self.config.base_url, self.config.request_timeout
        )
        with self._lock:
            self.apps.append(app)
        return app

    def _arrived(self, profile: DeviceProfile, record: DeviceRecord, waiting: _Waiting, future: Future) -> None:
        """A started browser: adopted while its start() waits, quit once start() has given up on it. Whichever of
        this callback and start() comes first claims the browser, under the lock."""
        if future.cancelled() or future.exception():
            return
        with self._lock:
            if future in waiting.claimed:
                return
            waiting.claimed.add(future)
            unwanted = self._adopted(profile, record, future.result()) if waiting.still else [future.result()]
        for driver in unwanted:
            _quit_quietly(driver)

    def _adopted(self, profile: DeviceProfile, record: DeviceRecord, driver: WebDriver) -> list[WebDriver]:
        """Under the lock: the browser becomes the scenario's device; once quit_all() has run it is returned instead,
        for the caller to quit outside the lock."""
        if self._closed:
            return [driver]
        self.devices.append(self._adopt(profile, record, driver))
        return []

    def _adopt(self, profile: DeviceProfile, record: DeviceRecord, driver: WebDriver) -> Device:
        caps = driver.capabilities
        record.browser = f"{caps.get('browserName', '?')} {caps.get('browserVersion', '?')}"
        record.driver = f"remote {self.config.grid_url}" if self.config.grid_url else f"local {profile.browser} driver"
        return Device(profile, driver, record, site=self.site)

    def quit_all(self) -> None:
        """Quit every browser, in parallel (each quit takes a moment); never raises."""
        with self._lock:
            self._closed = True
            devices, self.devices = self.devices, []
            apps, self.apps = self.apps, []
            warm, self._warm = [f for futures in self._warm.values() for f in futures], {}
        for future in warm:  # a warm browser nobody asked for: quit now, or as soon as it has started
            future.add_done_callback(_quit_when_started)
        for app in apps:
            app.stop_polling()
        with ThreadPoolExecutor(max_workers=len(devices) or 1, thread_name_prefix="browser-quit") as pool:
            list(pool.map(_quit_quietly, [device.driver for device in devices if device.driver]))
        for app in apps:
            app.close()


class _Waiting:
    """One start() call still waiting for its browsers (each call has its own: calls may overlap), and the browsers
    already adopted or quit (claimed), so that each is handled once."""

    def __init__(self):
        self.still = True
        self.claimed: set[Future] = set()


def _quit_when_started(future: Future) -> None:
    if not future.cancelled() and future.exception() is None:
        _quit_quietly(future.result())


def _quit_quietly(driver: WebDriver) -> None:
    try:
        quit_driver(driver)
    except Exception:  # a browser that already died must not hide the test's own failure
        pass


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"
