"""A person's mobile apps: logged in through the REST API as the apps do (device_id, user agent), polling while
unlocked, silent while their screen is locked, and refused once the sessions are revoked. Plus any number of
extra app sessions (`extra_app_sessions`), checked by the server's answers rather than watched one by one."""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from mattermost_suite.actors.browsers import publish_logouts
from mattermost_suite.actors.together import on_every_device, results_or_fail
from mattermost_suite.config import Config
from mattermost_suite.domain import SESSION_EXPIRED, DeviceRecord, Person, now
from mattermost_suite.fleet import Device, DeviceProfile, Fleet, profile_named
from mattermost_suite.fleet.apps import AppSession
from mattermost_suite.story.events import EventBus, ExtraAppsLoggedIn, LoggedIn, WentToSleep

EXTRA_APPS = ("iOS app", "Android app")  # extra sessions alternate between the two apps
POLL_LIFETIME_DEADLINES = 10  # an unlocked app polls for at most 10 logout deadlines (safety net)


class MobileApps:
    def __init__(self, fleet: Fleet, config: Config, bus: EventBus):
        self.fleet, self.config, self.bus = fleet, config, bus
        self.devices: list[Device] = []
        self.extras: list[AppSession] = []
        self._extras_seconds = 0.0  # how long the extras' logins took (published by announce_logins)

    @property
    def locked(self) -> list[Device]:
        return [device for device in self.devices if device.record.state == "screen locked"]

    @property
    def sessions(self) -> list[AppSession]:
        return [device.app for device in self.devices] + self.extras

    def log_in(self, person: Person, rows: Sequence[tuple[DeviceProfile, DeviceRecord]]) -> None:
        """Each app logs in with its device_id and user agent; unlocked apps start polling. Then the extras.
        Called off the step's thread (beside the browsers' logins): publishing waits for `announce_logins`."""

        def log_in(row) -> Device:
            profile, record = row
            app = self.fleet.open_app(profile)
            app.log_in(person.login_id(record.login_with), person.password)
            record.logged_in_at, record.browser = now(), profile.user_agent
            record.driver = f"REST {app.device_id[:16]}…"
            app.start_polling(
                person.user_id, self.config.app_poll_interval, POLL_LIFETIME_DEADLINES * self.config.deadlines.logout
            )
            return Device(profile, None, record, app.token, app)

        with ThreadPoolExecutor(max_workers=max(1, len(rows)), thread_name_prefix="app-log-in") as pool:
            self.devices = list(pool.map(log_in, rows))
        started = time.monotonic()
        self.extras = self._log_in_extras(person, self.config.extra_app_sessions)
        self._extras_seconds = time.monotonic() - started

    def announce_logins(self) -> None:
        if self.devices:
            self.bus.publish(LoggedIn(tuple(self.devices)))
        if self.extras:
            self.bus.publish(
                ExtraAppsLoggedIn(len(self.extras), self._extras_seconds, self.config.app_requests_at_once)
            )

    def _log_in_extras(self, person: Person, count: int) -> list[AppSession]:
        """`count` more app sessions, a bounded number at a time (app_requests_at_once)."""
        profiles = itertools.islice(itertools.cycle([profile_named(name) for name in EXTRA_APPS]), count)
        sessions = [self.fleet.open_app(profile) for profile in profiles]
        with ThreadPoolExecutor(max_workers=self.config.app_requests_at_once, thread_name_prefix="extra-app") as pool:
            list(pool.map(lambda app: app.log_in(person.email, person.password), sessions))
        return sessions

    def are_open(self) -> None:
        """Every app is open and accepted right now (its polling has met no problem either)."""

        def check(device: Device) -> None:
            status, error_id = device.app.check_in()
            if status != 200 or device.app.problem:
                raise AssertionError(f"the app is refused: HTTP {status} {error_id} {device.app.problem}".rstrip())

        results_or_fail(on_every_device(self.devices, check), "stay logged in")

    def locked_ones_lock(self) -> None:
        """Apps marked "screen locked" stop every request (the OS suspends them) from now until unlocked."""
        for device in self.locked:
            device.app.stop_polling()
            device.record.slept_at = now()
            device.requests_when_locked = device.app.requests_made
        self.bus.publish(WentToSleep(tuple(self.locked)))

    def locked_ones_unlock(self) -> None:
        """Unlocking opens the app again: its first request (GET users/me) tells it whether it is still logged in."""

        def unlock(device: Device) -> None:
            made = device.app.requests_made - device.requests_when_locked
            if made:
                raise AssertionError(f"made {made} request(s) while its screen was locked")
            device.record.woke_at = now()
            device.app.check_in()

        results_or_fail(on_every_device(self.locked, unlock), "stay silent while locked")

    def are_told_session_expired(self, revoke_confirmed_at: datetime | None) -> None:
        """Every app got 401 with the expired-session id: unlocked ones from their polling (within the logout
        deadline), locked ones on their first request after unlocking."""
        deadline = self.config.deadlines.logout

        def refused(device: Device) -> None:
            app = device.app
            if not app.refused.wait(deadline):  # set by the app's own request; the deadline bounds the wait
                raise AssertionError(
                    f"still accepted {deadline:g} s after the confirm "
                    f"({app.requests_made} requests made) {app.problem}".rstrip()
                )
            refusal = app.refusal
            if (refusal.status, refusal.error_id) != (401, SESSION_EXPIRED):
                raise AssertionError(
                    f"refused with HTTP {refusal.status} {refusal.error_id!r}, expected 401 {SESSION_EXPIRED}"
                )
            if revoke_confirmed_at is None or refusal.at < revoke_confirmed_at:
                raise AssertionError(f"refused at {refusal.at:%H:%M:%S}, before the revoke was confirmed")
            device.record.logged_out_at = refusal.at

        outcomes = on_every_device(self.devices, refused)
        publish_logouts(self.bus, outcomes)
        results_or_fail(outcomes, f"get 401 {SESSION_EXPIRED}")
