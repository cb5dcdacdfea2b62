"""A person's browsers (the Desktop app's window is one too): logged in through the login page, then watched and
never touched until the web app logs them out by itself. Asleep computers are frozen and offline meanwhile.

A channel "shows" only when no first-login screen (a tutorial, a tour tip, the onboarding task list, the
preparing-workspace page) covers it; such a screen fails that device in one line naming the screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from mattermost_suite.actors.together import on_every_device, results_or_fail
from mattermost_suite.domain import Deadlines, DeviceRecord, Person, now
from mattermost_suite.errors import SuiteError
from mattermost_suite.fleet import Device, DeviceProfile, Fleet
from mattermost_suite.fleet.power import fall_asleep, is_frozen, wake_up
from mattermost_suite.pages import ChannelPage, FirstLoginScreens, LoginPage, in_the_way, where
from mattermost_suite.secrets import Secret
from mattermost_suite.story.events import (
    Awaiting,
    EventBus,
    LoggedIn,
    LoggedOut,
    NotLoggedOut,
    StillAwaited,
    WentToSleep,
)

STILL_AWAITED_EVERY = 15.0  # seconds between the "still waiting for" lines of a watch


def sign_in(device: Device, person: Person, mfa_codes: Callable[[], str] | None = None, then: str = "") -> LoginPage:
    """Fill in the login form as a person would (with an MFA code when the web app asks for one); `then`: the page
    the web app is to show once logged in (its `redirect_to`), instead of where it takes a login by default."""
    login = device.on(LoginPage).open(meets_landing_page=device.meets_landing_page, then=then)
    device.met_landing_page |= login.met_landing_page
    login.log_in(person.login_id(device.record.login_with), person.password, mfa_token_provider=mfa_codes)
    return login


def note_logged_in(device: Device) -> None:
    device.record.logged_in_at = now()
    cookie = device.driver.get_cookie("MMAUTHTOKEN") or {}
    device.session_token = Secret(cookie.get("value", ""))  # Secret registers it for masking at once


def reach_login_page(device: Device, deadline: float) -> None:
    """Watch, never touching the page, until the web app shows the login page; note when."""
    device.on(LoginPage).wait_until_shown(deadline)
    device.record.logged_out_at = now()


class Browsers:
    def __init__(self, bus: EventBus, deadlines: Deadlines, devices: Sequence[Device] = ()):
        self.bus, self.deadlines = bus, deadlines
        self.devices: list[Device] = list(devices)

    @property
    def asleep(self) -> list[Device]:
        return [device for device in self.devices if device.record.state == "asleep"]

    @property
    def awake(self) -> list[Device]:
        return [device for device in self.devices if device.record.state != "asleep"]

    def log_in(self, person: Person) -> None:
        """Every browser at once through the login page, until its channel shows."""
        outcomes = on_every_device(self.devices, lambda device: self._log_in(device, person))
        self._logged_in(outcomes, person)

    def start_and_log_in(self, fleet: Fleet, wanted: Sequence[tuple[DeviceProfile, DeviceRecord]], person: Person):
        """Each browser starts and logs in at once, as soon as it has started: a slow engine holds no other back.
        A browser that cannot start fails the step as Fleet.start says; the others' logins are still judged."""

        def start_and_log_in(row) -> tuple[Device | None, str, str, str]:
            try:
                [device] = fleet.start([row])
            except SuiteError as error:
                return None, "", "", str(error).removeprefix("could not start every browser: ")
            [(_, channel, problem)] = on_every_device([device], lambda d: self._log_in(d, person))
            return device, channel, problem, ""

        pool = ThreadPoolExecutor(max_workers=len(wanted) or 1, thread_name_prefix="browser-log-in")
        try:
            results = list(pool.map(start_and_log_in, wanted))
        finally:  # not a `with` block: on Ctrl-C it would wait out every start and login deadline (together.py)
            pool.shutdown(wait=False, cancel_futures=True)
        self.devices = [device for device, *_ in results if device is not None]
        not_started = [why for *_, why in results if why]
        if not_started:
            raise SuiteError("could not start every browser: " + "; ".join(not_started))
        self._logged_in([(device, channel, problem) for device, channel, problem, _ in results], person)

    def _log_in(self, device: Device, person: Person) -> str:
        sign_in(device, person)
        # Raises FirstLoginScreenInTheWay (naming the screen) rather than timing out behind one.
        channel = device.on(ChannelPage).wait_until_shown(self.deadlines.login)
        note_logged_in(device)
        return channel

    def _logged_in(self, outcomes, person: Person) -> None:
        channels = results_or_fail(outcomes, f"log in as the {person.role}")
        landed = {device.record.label: channel for device, channel in zip(self.devices, channels, strict=True)}
        self.bus.publish(LoggedIn(tuple(self.devices), landed))

    def show_their_channel(self) -> None:
        """Every browser shows a channel page right now, uncovered by any first-login screen (without touching it)."""

        def check(device: Device) -> None:
            screen = device.on(FirstLoginScreens).showing()
            if screen:
                raise in_the_way(screen)
            page = device.on(ChannelPage)
            if not page.is_shown():
                raise AssertionError(f"not on a channel page but at {page.where()}")

        results_or_fail(on_every_device(self.devices, check), "show a channel page")

    def asleep_ones_fall_asleep(self) -> None:
        """Frozen and offline, as a computer going to sleep (fleet.power says why these mechanisms)."""

        def doze_off(device: Device) -> None:
            fall_asleep(device.driver)
            device.record.slept_at = now()
            if not is_frozen(device.driver):
                raise AssertionError("its page still runs after the freeze (document.visibilityState is not hidden)")

        results_or_fail(on_every_device(self.asleep, doze_off), "fall asleep")
        self.bus.publish(WentToSleep(tuple(self.asleep)))

    def awake_ones_reach_login_page(self) -> None:
        deadline = self.deadlines.logout
        self._watch(
            self.awake,
            lambda device: reach_login_page(device, deadline),
            f"reach the login page by themselves within {deadline:g} s",
        )

    def asleep_ones_slept_through(self) -> None:
        """A sleeping computer cannot have noticed anything: still frozen, still on its channel."""

        def check(device: Device) -> None:
            page = device.on(ChannelPage)
            if not is_frozen(device.driver) or not page.is_shown():
                raise AssertionError(f"did not sleep through the revoke: it is at {page.where()}")

        results_or_fail(on_every_device(self.asleep, check), "sleep through the revoke")

    def asleep_ones_wake_up(self) -> None:
        """Network back, page resumed; nothing else touches the computer."""

        def resume(device: Device) -> None:
            wake_up(device.driver)
            device.record.woke_at = now()

        results_or_fail(on_every_device(self.asleep, resume), "wake up")

    def woken_ones_reach_login_page(self) -> None:
        deadline = self.deadlines.logout
        self._watch(
            self.asleep,
            lambda device: reach_login_page(device, deadline),
            f"reach the login page within {deadline:g} s of waking",
        )

    def show_on_login_page(self, expected: str) -> None:
        def check(device: Device) -> None:
            text = device.on(LoginPage).expired_banner(self.deadlines.element)
            if text != expected:
                raise AssertionError(f"the banner reads {text!r}, expected {expected!r}")

        results_or_fail(on_every_device(self.devices, check), f"show {expected!r} on the login page")

    def _watch(self, devices: Sequence[Device], watch: Callable[[Device], None], what: str) -> None:
        """Watch every device at once; each is reported the moment it is judged (logged out, or its problem), and
        while the watch goes on the run says who is still awaited."""
        with StillAwaitedTicker(self.bus, devices) as ticker:
            self.bus.publish(Awaiting(tuple(devices), what, now() + timedelta(seconds=self.deadlines.logout)))

            def judged(outcome) -> None:
                ticker.judged(outcome[0])
                publish_logouts(self.bus, [outcome])

            outcomes = on_every_device(devices, watch, on_each=judged)
        results_or_fail(outcomes, what)


class StillAwaitedTicker:
    """Every STILL_AWAITED_EVERY seconds of a watch, says which devices are still awaited (a run that waits a minute
    for a status poll should not go quiet); stops when the watch ends."""

    def __init__(self, bus: EventBus, devices: Sequence[Device]):
        self.bus, self.awaited = bus, list(devices)
        self._lock, self._done = threading.Lock(), threading.Event()
        self._thread = threading.Thread(target=self._tick, name="still-awaited", daemon=True)

    def __enter__(self) -> StillAwaitedTicker:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._done.set()
        self._thread.join()

    def judged(self, device: Device) -> None:
        with self._lock:
            self.awaited.remove(device)

    def _tick(self) -> None:
        while not self._done.wait(STILL_AWAITED_EVERY):
            with self._lock:
                awaited = tuple(self.awaited)
            if awaited:
                self.bus.publish(StillAwaited(awaited))


def publish_logouts(bus: EventBus, outcomes) -> None:
    for device, _, problem in outcomes:
        device.record.problem = problem
    if done := tuple(device for device, _, problem in outcomes if not problem):
        bus.publish(LoggedOut(done))
    if failed := tuple((device, problem) for device, _, problem in outcomes if problem):
        bus.publish(NotLoggedOut(failed))


def where_now(device: Device) -> str:
    return where(device.driver)
