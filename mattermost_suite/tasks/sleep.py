"""Computers asleep during the revoke: frozen and offline (fleet.sleep), checked still asleep, then woken."""
from __future__ import annotations

from typing import Sequence

from ..fleet import Device
from ..fleet.sleep import fall_asleep, is_frozen, wake_up
from ..pages import ChannelPage, LoginPage
from ..record import now
from .concurrently import fail_unless_all_ok, logged_out_everywhere, on_every_device
from .scene import Site


def asleep(devices: Sequence[Device]) -> list[Device]:
    return [device for device in devices if device.record.state == "asleep"]


def awake(devices: Sequence[Device]) -> list[Device]:
    return [device for device in devices if device.record.state != "asleep"]


def put_to_sleep(devices: Sequence[Device]) -> list[str]:
    def doze_off(device: Device) -> str:
        fall_asleep(device.driver)
        device.record.slept_at = now()
        if not is_frozen(device.driver):
            raise AssertionError("its page still runs after the freeze (document.visibilityState is not hidden)")
        return f"{device.name}: asleep at {device.record.slept_at:%H:%M:%S.%f}"[:-3]

    outcomes = on_every_device(asleep(devices), doze_off)
    fail_unless_all_ok(outcomes, "fall asleep")
    return [line for _, line, _ in outcomes]


def slept_through(devices: Sequence[Device], site: Site) -> None:
    """A sleeping computer cannot have noticed anything: still frozen, still on its channel."""
    def check(device: Device) -> None:
        page = ChannelPage(device.driver, site.base_url, site.ui, site.deadlines)
        if not is_frozen(device.driver) or not page.is_shown():
            raise AssertionError(f"did not sleep through the revoke: it is at {page.where()}")

    fail_unless_all_ok(on_every_device(asleep(devices), check), "sleep through the revoke")


def wake(devices: Sequence[Device]) -> None:
    """Resume every sleeping computer (network back, page resumed); nothing else touches it."""
    def resume(device: Device) -> None:
        wake_up(device.driver)
        device.record.woke_at = now()

    fail_unless_all_ok(on_every_device(asleep(devices), resume), "wake up")


def watch_woken(devices: Sequence[Device], site: Site, record) -> list[str]:
    """Watch every woken computer, untouched, until its web app shows the login page (logout deadline)."""
    def watch(device: Device) -> str:
        LoginPage(device.driver, site.base_url, site.ui, site.deadlines).wait_until_shown(site.deadlines.logout)
        device.record.logged_out_at = now()
        after_wake = (device.record.logged_out_at - device.record.woke_at).total_seconds()
        device.record.outcome = (f"woke at {device.record.woke_at:%H:%M:%S.%f}"[:-3] + f" UTC, logged out "
                                 f"{after_wake:.1f} s after waking, {record.latency(device.record):.1f} s after "
                                 "the confirm")
        return f"{device.name}: {device.record.outcome}"

    return logged_out_everywhere(on_every_device(asleep(devices), watch),
                                 f"reach the login page within {site.deadlines.logout:g} s of waking",
                                 "NOT logged out after waking")
