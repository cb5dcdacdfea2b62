"""Tasks on the browsers: log in through the form, stay on a channel, get logged out by themselves.

A channel "shows" only when no first-login screen (a tutorial, a tour tip, the onboarding task list, the
preparing-workspace page) covers it; such a screen fails that device in one line naming the screen.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Sequence

from ..errors import ConfigError
from ..fleet import Device, DeviceProfile, profile_named
from ..pages import ChannelPage, FirstLoginScreens, LoginPage
from ..pages.first_login import in_the_way
from ..pages.waits import where
from ..record import DeviceRecord, now
from ..secrets import Secret
from .concurrently import fail_unless_all_ok, logged_out_everywhere, on_every_device
from .scene import Person, Site


LOGIN_METHODS = ("email", "username")


def wanted_devices(rows: Sequence[tuple[str, ...]], role: str) -> list[tuple[DeviceProfile, DeviceRecord]]:
    """(device name, logs in with[, state]) rows of the feature -> the profiles to start and their records."""
    wanted = []
    for name, login_with, *state in rows:
        if login_with not in LOGIN_METHODS:
            raise ConfigError(f"device {name!r} logs in with {login_with!r}: use one of {', '.join(LOGIN_METHODS)}")
        profile = profile_named(name)
        state = profile.check_state(state[0] if state else ("screen unlocked" if profile.is_app else "awake"))
        wanted.append((profile, DeviceRecord(name, role, login_with, state, profile.kind)))
    return wanted


def log_in_through_form(devices: Sequence[Device], person: Person, site: Site) -> list[str]:
    """Log `person` in on every device at once via the login page; returns the channel each one lands on."""
    def log_in(device: Device) -> str:
        sign_in(device, person, site)
        # Raises FirstLoginScreenInTheWay (an AssertionError naming the screen) rather than timing out behind one.
        channel = ChannelPage(device.driver, site.base_url, site.ui, site.deadlines).wait_until_shown(
            site.deadlines.login)
        note_logged_in(device)
        return channel

    outcomes = on_every_device(devices, log_in)
    fail_unless_all_ok(outcomes, f"log in as the {person.role}")
    return [channel for _, channel, _ in outcomes]


def log_in_anywhere(device: Device, person: Person, site: Site, mfa_codes: Callable[[], str] | None) -> str:
    """Logged in once the browser has left the login page, wherever a first login lands (a channel, a tour, the
    preparing-workspace page): the system admin needs no channel, only System Console > Users. Returns where."""
    def log_in(device: Device) -> str:
        sign_in(device, person, site, mfa_codes).wait_until_left(site.deadlines.login)
        note_logged_in(device)
        return where(device.driver)  # the page may still be rendering: its address only, no element

    outcomes = on_every_device([device], log_in)
    fail_unless_all_ok(outcomes, f"log in as the {person.role}")
    return outcomes[0][1]


def sign_in(device: Device, person: Person, site: Site, mfa_codes: Callable[[], str] | None = None) -> LoginPage:
    login = LoginPage(device.driver, site.base_url, site.ui, site.deadlines).open()
    login.log_in(person.login_id(device.record.login_with), person.password, mfa_token_provider=mfa_codes)
    return login


def note_logged_in(device: Device) -> None:
    device.record.logged_in_at = now()
    cookie = device.driver.get_cookie("MMAUTHTOKEN") or {}
    device.session_token = Secret(cookie.get("value", ""))  # Secret registers it for masking at once


def channels_shown(devices: Sequence[Device], site: Site) -> None:
    """Every device shows a channel page right now, uncovered by any first-login screen (checked without touching
    the page)."""
    def check(device: Device) -> None:
        screen = FirstLoginScreens(device.driver, site.base_url, site.ui, site.deadlines).showing()
        if screen:
            raise in_the_way(screen)
        page = ChannelPage(device.driver, site.base_url, site.ui, site.deadlines)
        if not page.is_shown():
            raise AssertionError(f"not on a channel page but at {page.where()}")

    fail_unless_all_ok(on_every_device(devices, check), "show a channel page")


def watch_until_logged_out(devices: Sequence[Device], site: Site, record) -> list[str]:
    """Watch every device at once, never touching it, until it shows the login page (logout deadline each).

    Returns one line per device ("Desktop Chromium: logged out 1.4 s after the confirm"), also kept in the record.
    """
    deadline = site.deadlines.logout

    def watch(device: Device) -> str:
        LoginPage(device.driver, site.base_url, site.ui, site.deadlines).wait_until_shown(deadline)
        mark_logged_out(device, record)
        return f"{device.name}: {device.record.outcome}"

    return logged_out_everywhere(on_every_device(devices, watch),
                                 f"reach the login page by themselves within {deadline:g} s")


def watch_in_background(device: Device, site: Site, record) -> Future:
    """Start watching one device for the login page right away (e.g. the admin's, which logs out at once);
    the Future's result() is its outcome line, or the WaitTimeout naming where it was instead."""
    def watch() -> str:
        LoginPage(device.driver, site.base_url, site.ui, site.deadlines).wait_until_shown(site.deadlines.logout)
        mark_logged_out(device, record)
        return device.record.outcome

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"watch-{device.name}")
    try:
        return pool.submit(watch)
    finally:
        pool.shutdown(wait=False)  # the watch runs on; its own deadline ends it


def mark_logged_out(device: Device, record) -> None:
    """Note when the device was seen on the login page, and how long after the confirm that was."""
    device.record.logged_out_at = now()
    latency = record.latency(device.record)
    at = f"at {device.record.logged_out_at:%H:%M:%S.%f}"[:-3] + " UTC"
    device.record.outcome = f"logged out {at}, {latency:.1f} s after the confirm" if latency is not None else \
        f"logged out {at}"


def expired_banner_on_every_device(devices: Sequence[Device], site: Site, expected: str) -> None:
    def check(device: Device) -> None:
        text = LoginPage(device.driver, site.base_url, site.ui, site.deadlines).expired_banner(site.deadlines.element)
        if text != expected:
            raise AssertionError(f"the banner reads {text!r}, expected {expected!r}")

    fail_unless_all_ok(on_every_device(devices, check), f"show {expected!r} on the login page")
