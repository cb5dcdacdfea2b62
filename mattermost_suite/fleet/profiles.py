"""Device profiles as data (devices.toml): what a named device in the feature's table means for WebDriver."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError

DEVICES_FILE = Path(__file__).with_name("devices.toml")
BROWSERS = ("chromium", "firefox")


@dataclass(frozen=True)
class DeviceProfile:
    name: str
    browser: str
    mobile_emulation: str = ""
    user_agent: str = ""


@lru_cache(maxsize=None)
def all_profiles(path: Path = DEVICES_FILE) -> dict[str, DeviceProfile]:
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("device", [])
    profiles = {}
    for entry in entries:
        profile = DeviceProfile(**entry)
        if profile.browser not in BROWSERS:
            raise ConfigError(f"{path.name}: device {profile.name!r} has browser {profile.browser!r}: "
                              f"use one of {', '.join(BROWSERS)}")
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
    return tuple(sorted({profile.browser for profile in all_profiles().values()}))
