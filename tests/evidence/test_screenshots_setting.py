"""screenshots=failures: the key moments' screenshots are left out, the failure evidence is not."""

from types import SimpleNamespace

import pytest

from mattermost_suite.config import load
from mattermost_suite.domain import SYSTEM_ADMIN, TEST_USER, DeviceRecord
from mattermost_suite.errors import ConfigError
from mattermost_suite.evidence.listener import LOGGED_IN, ScenarioEvidence
from mattermost_suite.story.events import LoggedIn
from mattermost_suite.story.narrator import Narrator, Story

from .fakes import FakeDriver, png

pytestmark = pytest.mark.unit


def devices():
    return [
        SimpleNamespace(record=DeviceRecord("Desktop Chromium", role, "email"), driver=FakeDriver(png(40, 30)))
        for role in (TEST_USER, SYSTEM_ADMIN)
    ]


def failing_step():
    return SimpleNamespace(status=SimpleNamespace(has_failed=lambda: True, name="failed"), exception=None)


@pytest.mark.parametrize("key_moments", [True, False])
def test_the_moments_only_with_key_moments_and_a_failure_either_way(attached, key_moments):
    browsers = devices()
    evidence = ScenarioEvidence(SimpleNamespace(devices=browsers), Story(), key_moments=key_moments)
    Narrator(evidence.story, evidence).on_event(LoggedIn(tuple(browsers)))
    moments = [name for name in attached.names() if name.startswith(LOGGED_IN)]
    assert moments == (
        [
            f"{LOGGED_IN} - Desktop Chromium",
            f"{LOGGED_IN} - Desktop Chromium (system admin)",
            f"{LOGGED_IN} - all devices",
        ]
        if key_moments
        else []
    )
    evidence.after_step(failing_step())
    failures = [name for name in attached.names() if "failure screenshot" in name]
    assert failures == ["Desktop Chromium - failure screenshot", "Desktop Chromium (system admin) - failure screenshot"]


def test_the_setting_defaults_to_key_moments_and_refuses_anything_else():
    assert load({}, {}, env={}).screenshots == "key_moments"
    assert load({}, {}, env={"MM_SCREENSHOTS": "failures"}).screenshots == "failures"
    with pytest.raises(ConfigError, match="screenshots"):
        load({}, {"screenshots": "none"}, env={})
