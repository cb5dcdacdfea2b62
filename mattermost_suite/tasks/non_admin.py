"""A user who is not a system admin: kept out of System Console > Users, and refused by the server when asking it
to revoke all sessions (the button sits inside SystemPermissionGate; the endpoint needs manage_system)."""
from __future__ import annotations

from ..fleet import Device
from ..pages import SystemUsersPage
from ..pages.waits import WaitTimeout
from ..server_settings import open_sign_in_method
from . import devices
from .rehearsal_end import never_in_a_rehearsal
from .scene import Scene, ServerAnswer

PERMISSIONS = "api.context.permissions.app_error"  # the server's error id for "You do not have the appropriate ..."


def log_in_on_one_browser(scene: Scene, name: str) -> Device:
    """The seeded test user (checked to hold no system admin role) logs in through the login page, by email or, on a
    server with sign-in by email off, by username (the feature does not say which)."""
    roles = scene.admin_api.get_user(scene.test_user.user_id).get("roles", "")
    assert "system_admin" not in roles.split(), f"the test user is a system admin (roles {roles!r})"
    method = open_sign_in_method(scene.admin_api.client_config())
    [device] = scene.fleet.start(devices.wanted_devices([(name, method)], "test user"))
    scene.record.devices.append(device.record)
    devices.log_in_through_form([device], scene.test_user, scene.site)
    return device


def users_page(scene: Scene) -> SystemUsersPage:
    [device] = scene.victims
    return SystemUsersPage(device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def sent_away(scene: Scene) -> str:
    """The real console redirects a user without an admin role (to their team) in every era; a console page that
    offers the button has settled too, and fails here by name."""
    page = users_page(scene)
    try:
        page.wait_until_left_or_offered(scene.site.deadlines.page_load)
    except WaitTimeout as timeout:
        raise AssertionError(f"the test user was not sent away from System Console > Users: {timeout}") from None
    offered = ', which offers "Revoke All Sessions"' if page.offers_revoke_all_sessions() else ""
    assert not page.in_console(), f"the test user stays on System Console > Users at {page.where()}{offered}"
    scene.victims[0].record.outcome = f"sent away from System Console > Users to {page.where()}"
    return page.where()


def not_offered(scene: Scene, label: str) -> None:
    page = users_page(scene)
    assert label == page.revoke_all_label, f"the suite knows the button as {page.revoke_all_label!r}, not {label!r}"
    assert not page.offers_revoke_all_sessions(), f'the test user is offered "{label}" at {page.where()}'


def ask_to_revoke_all(scene: Scene) -> ServerAnswer:
    """The test user's own session (its browser's) asks the server, as any script of theirs could."""
    never_in_a_rehearsal(scene, "ask the server to revoke all sessions as the test user")
    [device] = scene.victims
    response = scene.admin_api.call_with_token("POST", "/users/sessions/revoke/all", device.session_token)
    try:
        body = response.json()
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    return ServerAnswer(response.status_code, body.get("id", ""), body.get("message", ""))


def refused(answer: ServerAnswer | None, message: str) -> None:
    assert answer is not None, "the test user has not asked the server yet"
    assert answer.status >= 400, \
        f"the server revoked all sessions for the test user, who is not a system admin (HTTP {answer.status})"
    expected = (403, PERMISSIONS, message)
    assert (answer.status, answer.error_id, answer.message) == expected, \
        f"the server answered HTTP {answer.status} {answer.error_id} {answer.message!r}, expected " \
        f"HTTP 403 {PERMISSIONS} {message!r}"


def note_still_logged_in(scene: Scene) -> None:
    for device in scene.victims:
        device.record.outcome = "still logged in after its request to revoke all sessions was refused"
