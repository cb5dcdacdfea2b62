"""Device profiles as data (devices.toml): what a named device in the feature's table means for the fleet."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mattermost_suite.domain import BROWSER, DEVICE_KINDS, DeviceKind
from mattermost_suite.engines import BROWSERS
from mattermost_suite.errors import ConfigError

DEVICES_FILE = Path(__file__).with_name("devices.toml")
# The states of MM-T940 step 1 (domain.DeviceKind.states): "Non-mobile can be with computer awake or asleep", "Mobile
# apps can have screen locked or not". Only Chromium engines can be put to sleep honestly (CDP freezes the page and
# cuts its network).


@dataclass(frozen=True)
class DeviceProfile:
    name: str
    kind: DeviceKind = BROWSER  # devices.toml names it ("browser", "app")
    browser: str = ""
    mobile_emulation: str = ""
    user_agent: str = ""
    device_id_prefix: str = ""
    # A script (a file beside devices.toml) that the device's shell runs in every page before the web app, as the
    # desktop app's preload does; Chromium engines only (added through DevTools).
    preload: str = ""

    @property
    def is_desktop_app(self) -> bool:
        """The web app's own test (utils/user_agent.tsx isDesktopApp): "Mattermost" and "Electron" in the UA."""
        return "Mattermost" in self.user_agent and "Electron" in self.user_agent

    @property
    def preload_source(self) -> str:
        return (DEVICES_FILE.parent / self.preload).read_text() if self.preload else ""

    @property
    def starts_a_browser(self) -> bool:
        return self.kind.starts_a_browser

    def check_state(self, state: str) -> str:
        if state not in self.kind.states:
            raise ConfigError(f"device {self.name!r} cannot be {state!r}: use {' or '.join(self.kind.states)}")
        if state == "asleep" and self.browser != "chromium":
            raise ConfigError(
                f"device {self.name!r} cannot be 'asleep': only Chromium engines can be frozen "
                "and taken offline (Chrome DevTools Protocol); use a Chromium-based device"
            )
        return state


@cache
def all_profiles(path: Path = DEVICES_FILE) -> dict[str, DeviceProfile]:
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("device", [])
    profiles = {}
    for entry in entries:
        kind = entry.pop("kind", BROWSER.name)
        if kind not in DEVICE_KINDS:
            raise ConfigError(
                f"{path.name}: device {entry.get('name')!r} has kind {kind!r}: use {', '.join(DEVICE_KINDS)}"
            )
        profile = DeviceProfile(**entry, kind=DEVICE_KINDS[kind])
        if profile.starts_a_browser and profile.browser not in BROWSERS:
            raise ConfigError(
                f"{path.name}: device {profile.name!r} has browser {profile.browser!r}: "
                f"use one of {', '.join(BROWSERS)}"
            )
        if profile.preload and (profile.browser != "chromium" or not (path.parent / profile.preload).is_file()):
            raise ConfigError(f"{path.name}: {profile.name!r} preload {profile.preload!r} needs Chromium and the file")
        if not profile.starts_a_browser and not (profile.user_agent and profile.device_id_prefix):
            raise ConfigError(f"{path.name}: app {profile.name!r} needs a user_agent and a device_id_prefix")
        profiles[profile.name.lower()] = profile
    return profiles


def profile_named(name: str) -> DeviceProfile:
    profiles = all_profiles()
    try:
        return profiles[name.strip().lower()]
    except KeyError:
        known = ", ".join(p.name for p in profiles.values())
        raise ConfigError(f"unknown device {name!r}: known devices are {known}") from None


def browsers_of_all_devices() -> tuple[str, ...]:
    """The browser engines the known devices need (what a grid must serve)."""
    return tuple(sorted({p.browser for p in all_profiles().values() if p.starts_a_browser}))


def browsers_for(device_names: tuple[str, ...], admin_device: str = "Desktop Chromium") -> tuple[str, ...]:
    """The engines a run needs: those of the chosen devices and the admin's browser (all, when none is chosen)."""
    if not device_names:
        return browsers_of_all_devices()
    profiles = [profile_named(name) for name in (*device_names, admin_device)]
    return tuple(sorted({p.browser for p in profiles if p.starts_a_browser}))


def grid_browsers(device_names: tuple[str, ...]) -> tuple[str, ...]:
    """What the embedded grid serves: the engines the run needs that are really installed here. A device whose
    engine is missing is then rejected by the grid at once, naming the browser and the grid."""
    from mattermost_suite.engines import installed_browsers  # inspects the machine; only needed here

    installed = installed_browsers()
    return tuple(b for b in browsers_for(device_names) if b in installed) or installed
