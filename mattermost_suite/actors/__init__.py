"""The people of MM-T940, each owning its devices and state, with the verbs the steps use."""

from .system_admin import SystemAdmin
from .test_user import TestUser
from .together import DevicesFailed

__all__ = ["DevicesFailed", "SystemAdmin", "TestUser"]
