"""The moment the revoke is confirmed is taken as the click is sent: the server may revoke, and an unlocked app be
refused, while the driver is still answering the click (under load, through a grid, that took over half a second),
and an app refused before the confirm fails MM-T940 ("refused ..., before the revoke was confirmed")."""

from types import SimpleNamespace

import pytest

from mattermost_suite.actors import system_admin as system_admin_module
from mattermost_suite.actors.system_admin import SystemAdmin
from mattermost_suite.config import load
from mattermost_suite.domain import now
from mattermost_suite.story.events import EventBus, RevokeConfirmed

pytestmark = pytest.mark.unit

LABEL = "Revoke"


class SlowToAnswerModal:
    """The confirm button: the server revokes at the click, the driver answers only later."""

    def __init__(self):
        self.revoked_at = None

    def confirm_label(self) -> str:
        return LABEL

    def confirm(self) -> None:
        self.revoked_at = now()
        while now() == self.revoked_at:  # the answer comes after the revoke, never in the same instant
            pass


def test_the_confirm_moment_is_not_after_the_server_revoked(monkeypatch):
    modal, published = SlowToAnswerModal(), []
    monkeypatch.setattr(SystemAdmin, "confirmation", property(lambda self: modal))
    monkeypatch.setattr(system_admin_module, "_watch_in_background", lambda device, deadline: None)
    bus = EventBus()
    bus.subscribe(published.append)
    admin = SystemAdmin(None, SimpleNamespace(token=None), None, None, load({}, {}, env={}), bus)
    admin.browser = SimpleNamespace(name="Desktop Chromium")

    admin.confirms_revoke_all_sessions(LABEL)

    assert admin.revoke_confirmed_at is not None and admin.revoke_confirmed_at <= modal.revoked_at
    assert published == [RevokeConfirmed(admin.browser, admin.revoke_confirmed_at)]
