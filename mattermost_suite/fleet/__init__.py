"""The device fleet: named browser sessions (local or on a Grid), started and logged in concurrently."""

from .fleet import Device, Fleet
from .profiles import DeviceProfile, profile_named

__all__ = ["Device", "Fleet", "DeviceProfile", "profile_named"]
