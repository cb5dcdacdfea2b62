"""Tasks of the test user's mobile apps: log in as the apps do, poll while unlocked, lock and unlock, be refused."""
from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from ..fleet import Device, DeviceProfile, profile_named
from ..fleet.apps import AppSession
from ..record import DeviceRecord, now
from .concurrently import fail_unless_all_ok, logged_out_everywhere, on_every_device
from .scene import Scene

EXPIRED = "api.context.session_expired.app_error"
EXTRA_APPS = ("iOS app", "Android app")   # extra sessions alternate between the two apps
POLL_LIFETIME_DEADLINES = 10              # an unlocked app polls for at most 10 logout deadlines (safety net)


def log_in_apps(scene: Scene, rows: Sequence[tuple[DeviceProfile, DeviceRecord]]) -> list[Device]:
    """Each app logs in with its device_id and user agent; unlocked apps start polling. Then the extras."""
    def log_in(row) -> Device:
        profile, record = row
        app = scene.fleet.open_app(profile)
        app.log_in(scene.test_user.login_id(record.login_with), scene.test_user.password)
        record.logged_in_at, record.browser, record.driver = now(), profile.user_agent, f"REST {app.device_id[:16]}…"
        app.start_polling(scene.test_user.user_id, scene.config.app_poll_interval,
                          POLL_LIFETIME_DEADLINES * scene.config.deadlines.logout)
        return Device(profile, None, record, app.token, app)

    with ThreadPoolExecutor(max_workers=max(1, len(rows)), thread_name_prefix="app-log-in") as pool:
        devices = list(pool.map(log_in, rows))
    scene.extra_apps = log_in_extra_apps(scene, scene.config.extra_app_sessions)
    return devices


def log_in_extra_apps(scene: Scene, count: int) -> list[AppSession]:
    """`count` more app sessions of the test user, a bounded number at a time (app_requests_at_once)."""
    profiles = itertools.islice(itertools.cycle([profile_named(name) for name in EXTRA_APPS]), count)
    sessions = [scene.fleet.open_app(profile) for profile in profiles]
    with ThreadPoolExecutor(max_workers=scene.config.app_requests_at_once, thread_name_prefix="extra-app") as pool:
        list(pool.map(lambda app: app.log_in(scene.test_user.email, scene.test_user.password), sessions))
    return sessions


def apps_open(apps: Sequence[Device]) -> None:
    """Every app is open and accepted right now (its polling has met no problem either)."""
    def check(device: Device) -> None:
        status, error_id = device.app.check_in()
        if status != 200 or device.app.problem:
            raise AssertionError(f"the app is refused: HTTP {status} {error_id} {device.app.problem}".rstrip())

    fail_unless_all_ok(on_every_device(apps, check), "stay logged in")


def locked(apps: Sequence[Device]) -> list[Device]:
    return [device for device in apps if device.record.state == "screen locked"]


def lock_screens(apps: Sequence[Device]) -> list[str]:
    """Apps marked "screen locked" stop every request (the OS suspends them) from now until unlocked."""
    for device in locked(apps):
        device.app.stop_polling()
        device.record.slept_at = now()
        device.requests_when_locked = device.app.requests_made
    return [f"{device.name}: screen locked at {device.record.slept_at:%H:%M:%S.%f}"[:-3] for device in locked(apps)]


def unlock_screens(apps: Sequence[Device]) -> None:
    """Unlocking opens the app again: its first request (GET users/me) tells it whether it is still logged in."""
    def unlock(device: Device) -> None:
        made = device.app.requests_made - device.requests_when_locked
        if made:
            raise AssertionError(f"made {made} request(s) while its screen was locked")
        device.record.woke_at = now()
        device.app.check_in()

    fail_unless_all_ok(on_every_device(locked(apps), unlock), "stay silent while locked")


def refused_everywhere(apps: Sequence[Device], scene: Scene) -> list[str]:
    """Every app got 401 `api.context.session_expired.app_error`: unlocked ones from their polling (within the
    logout deadline), locked ones on their first request after unlocking. One outcome line per app."""
    def refused(device: Device) -> str:
        app, record = device.app, device.record
        if not app.refused.wait(scene.config.deadlines.logout):
            raise AssertionError(f"still accepted {scene.config.deadlines.logout:g} s after the confirm "
                                 f"({app.requests_made} requests made) {app.problem}".rstrip())
        refusal = app.refusal
        if (refusal.status, refusal.error_id) != (401, EXPIRED):
            raise AssertionError(f"refused with HTTP {refusal.status} {refusal.error_id!r}, expected 401 {EXPIRED}")
        record.logged_out_at = refusal.at
        latency = scene.record.latency(record)
        if latency is None or latency < 0:
            raise AssertionError(f"refused at {refusal.at:%H:%M:%S}, before the revoke was confirmed")
        how = "first request after unlocking" if record.woke_at else "poll"
        record.outcome = f"its {how} refused with 401 {EXPIRED} at {refusal.at:%H:%M:%S.%f}"[:-3] + \
            f" UTC, {latency:.1f} s after the confirm"
        return f"{device.name}: {record.outcome}"

    return logged_out_everywhere(on_every_device(apps, refused), f"get 401 {EXPIRED}")
