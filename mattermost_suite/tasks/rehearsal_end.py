"""Where a rehearsal stops: every session it opened is still active, checked with the server, and each device's
outcome says so (the revoke was not run)."""
from __future__ import annotations

from ..config import rehearsal_reason
from ..errors import SuiteError
from . import server_checks
from .scene import Scene

OUTCOME = "still logged in: the revoke was not run (rehearsal), the server accepts its session"


def every_session_still_active(scene: Scene) -> str:
    """The test user's devices and apps, and the system admin's browser and REST session, are all accepted."""
    devices = [*scene.victims, *scene.apps]
    server_checks.sessions_still_active(scene.admin_api, scene.test_user, devices, scene.extra_apps,
                                        scene.config.app_requests_at_once,
                                        because="in a rehearsal, which revokes nothing")
    admin = [scene.admin_device] if scene.admin_device is not None else []
    server_checks.tokens_still_accepted(scene.admin_api, admin, because="in a rehearsal, which revokes nothing")
    for device in [*devices, *admin]:
        device.record.outcome = device.record.outcome or OUTCOME
    sessions = len(devices) + len(scene.extra_apps) + len(admin) + 1
    return f"rehearsal: all {sessions} sessions it opened are still active (the test user's and the system admin's)"


def never_in_a_rehearsal(scene: Scene, action: str) -> None:
    """A second lock behind the steps' own (rehearsal.revokes_all_sessions): a task that could end every session
    refuses to act in a rehearsal, whoever calls it."""
    reason = rehearsal_reason(scene.config)
    if reason:
        raise SuiteError(f"refusing to {action} in a rehearsal ({reason})")
