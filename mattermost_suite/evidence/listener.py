"""The narrator's Allure output (story/narrator.py): what a scenario's report shows, decided from the actors' events
and the hooks' after_step:
- the admin logged in -> every browser's screenshot and one combined image ("Logged in before the revoke");
- the confirmation shown -> the admin's screenshot; Cancel -> every browser again;
- the admin's browser logged out -> every browser ("After Confirm") and the per-device timeline;
- a user sent away from the console -> its screenshot; the server's session list at each REST check (masked);
- a failing step -> failure evidence of the devices the failure names (every browser if it names none), and the
  timeline if not attached yet; the last step, or a step a rehearsal skipped -> the complete timeline.
Everything is attached on the step's thread (allure-behave keeps the current step per thread). With
key_moments=False (screenshots=failures) the moments' screenshots are left out; the rest is attached as ever.
"""

from __future__ import annotations

from mattermost_suite.domain import SYSTEM_ADMIN
from mattermost_suite.evidence.attachments import attach_json, attach_screenshot, attach_text
from mattermost_suite.evidence.failure import attach_failure
from mattermost_suite.evidence.moments import attach_moment
from mattermost_suite.evidence.timeline import TimelineRow, attach_timeline
from mattermost_suite.story import presenter
from mattermost_suite.story.events import (
    ConfirmationShown,
    LoggedIn,
    LoggedOut,
    RevokeCancelled,
    SentAway,
    SessionsListed,
)
from mattermost_suite.story.narrator import Story

LOGGED_IN = "Logged in before the revoke"
CONFIRMATION = "Confirmation modal"
AFTER_CANCEL = "After Cancel"
AFTER_CONFIRM = "After Confirm: login page with banner"
SENT_AWAY = "Test user sent away from System Console > Users"
TIMELINE = "Per-device timeline"
# After Confirm the woken computers and the apps have not logged out yet: the complete story comes at the end.
FINAL_TIMELINE = "Per-device timeline at the end of the scenario"


class ScenarioEvidence:
    def __init__(self, fleet, story: Story, key_moments: bool = True):
        self.fleet = fleet  # every browser started, for a failure that names no device
        self.story = story  # the narrator's: after_step reads it too
        self.key_moments = key_moments
        self.timeline_attached = False

    def tell(self, event: object, story: Story) -> None:
        match event:
            case LoggedIn(devices, _):
                if any(device.record.role == SYSTEM_ADMIN for device in devices):
                    self._moment(LOGGED_IN, story.browsers)
            case ConfirmationShown(device):
                self._moment(CONFIRMATION, [device])
            case RevokeCancelled(device):
                self._moment(AFTER_CANCEL, [device, *(d for d in story.browsers if d is not device)])
            case LoggedOut(devices) if any(device.record.role == SYSTEM_ADMIN for device in devices):
                admin = [device for device in devices if device.record.role == SYSTEM_ADMIN]
                self._moment(AFTER_CONFIRM, [*(d for d in story.browsers if d not in admin), *admin])
                self.attach_timeline()
            case SentAway(device, _):
                self._moment(SENT_AWAY, [device])
            case SessionsListed(title, username, sessions, error):
                if error:
                    attach_text(f"{title} (not available)", error)
                else:
                    attach_json(title, {"user": username, "sessions": sessions})

    def after_step(self, step, last: bool = False) -> None:
        """`last`: the scenario's last step; no later step runs after a failing one either."""
        failed = step.status.has_failed()
        for device in self.failing_devices(step) if failed else ():
            attach_failure(device.driver, device.record.label)
        if failed and not self.timeline_attached and self.story.records:
            self.attach_timeline()
        elif (failed or last) and self.story.confirmed_at is not None:
            self.attach_timeline(FINAL_TIMELINE)
        elif step.status.name == "skipped" and self.story.records:  # a rehearsal stopped the scenario here
            self.attach_timeline(FINAL_TIMELINE)

    def failing_devices(self, step) -> list:
        """The browsers the failure names (the actors raise DevicesFailed); every browser if it names none."""
        named = getattr(getattr(step, "exception", None), "devices", ())
        browsers = [device for device in named if device.driver is not None]
        return browsers or [device for device in self.fleet.devices if device.driver is not None]

    def attach_timeline(self, name: str = TIMELINE) -> None:
        rows = [
            TimelineRow(
                presenter.timeline_name(r),
                r.logged_in_at,
                self.story.confirmed_at,
                r.logged_out_at,
                presenter.timeline_outcome(r, self.story.confirmed_at),
            )
            for r in self.story.records
        ]
        if rows:
            attach_timeline(rows, name)
            self.timeline_attached = True

    def _moment(self, title: str, devices) -> None:
        if not self.key_moments:
            return
        browsers = {device.record.label: device.driver for device in devices if device.driver is not None}
        if len(browsers) == 1:
            [(name, driver)] = browsers.items()
            attach_screenshot(driver, f"{title} - {name}")
        else:
            attach_moment(title, browsers)
