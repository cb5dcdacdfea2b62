"""The people of MM-T940, each owning its devices and state, with the verbs the steps use."""

from mattermost_suite.actors.system_admin import SystemAdmin
from mattermost_suite.actors.test_user import TestUser
from mattermost_suite.actors.together import DevicesFailed

__all__ = ["DevicesFailed", "SystemAdmin", "TestUser"]
