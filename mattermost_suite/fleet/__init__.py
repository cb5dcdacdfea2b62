"""The device fleet: named browser sessions (local or on a Grid), started and logged in concurrently."""

from mattermost_suite.fleet.fleet import Device, Fleet
from mattermost_suite.fleet.profiles import DeviceProfile, profile_named

__all__ = ["Device", "Fleet", "DeviceProfile", "profile_named"]
