"""The system admin's browser in System Console > Users: page objects bound to the admin's device."""
from __future__ import annotations

from ..pages import ConfirmModal, LoginPage, SystemUsersPage
from ..record import now
from .devices import watch_in_background
from .rehearsal_end import never_in_a_rehearsal
from .scene import Scene


def users_page(scene: Scene) -> SystemUsersPage:
    return SystemUsersPage(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def confirmation(scene: Scene) -> ConfirmModal:
    return ConfirmModal(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def admin_login_page(scene: Scene) -> LoginPage:
    return LoginPage(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def admin_reaches_login_page(scene: Scene) -> str:
    """The admin's own browser is logged out by the web app right after the confirm (emitUserLoggedOutEvent);
    it has been watched since the confirm, so its time is as exact as the victims'."""
    outcome = scene.admin_logout_watch.result(timeout=scene.site.deadlines.logout + scene.site.deadlines.element)
    return f"{scene.admin_device.name} (system admin): {outcome}"


def revoke_all_sessions_and_confirm(scene: Scene, label: str, confirm: str) -> None:
    """Click the console button again and confirm; the moment of the click is when every logout latency starts."""
    never_in_a_rehearsal(scene, "confirm Revoke All Sessions")
    users = users_page(scene)
    assert users.revoke_all_sessions_label() == label, f"the button reads {users.revoke_all_sessions_label()!r}"
    modal = users.click_revoke_all_sessions()
    assert modal.confirm_label() == confirm, f"the confirm button reads {modal.confirm_label()!r}"
    scene.admin_rest_token_at_revoke = scene.admin_api.token
    modal.confirm()
    scene.record.revoke_confirmed_at = now()
    scene.admin_logout_watch = watch_in_background(scene.admin_device, scene.site, scene.record)
