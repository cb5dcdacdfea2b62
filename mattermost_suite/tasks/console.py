"""The system admin's browser in System Console > Users: page objects bound to the admin's device."""
from __future__ import annotations

from ..mfa import admin_totp
from ..pages import ConfirmModal, FirstLoginScreens, LoginPage, SystemUsersPage
from ..pages.waits import WaitTimeout
from ..record import now
from .devices import log_in_anywhere, wanted_devices, watch_in_background
from .rehearsal_end import never_in_a_rehearsal
from .scene import Scene


def log_in_admin(scene: Scene, name: str) -> str:
    """The system admin on a browser of its own, through the login page (with its MFA code if it has MFA on)."""
    [scene.admin_device] = scene.fleet.start(wanted_devices([(name, "username")], "system admin"))
    scene.record.devices.append(scene.admin_device.record)
    landed = log_in_anywhere(scene.admin_device, scene.admin, scene.site, admin_totp(scene.config))
    return f"{name} (system admin): logged in, the web app shows {landed}"


def users_page(scene: Scene) -> SystemUsersPage:
    return SystemUsersPage(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def open_users_page(scene: Scene) -> SystemUsersPage:
    """Straight to System Console > Users, wherever the admin's first login landed; a first-login screen that
    still covers the console fails in one line naming it and the device."""
    page = users_page(scene)
    try:
        return page.open()
    except WaitTimeout as timeout:
        site, device = scene.site, scene.admin_device
        screen = FirstLoginScreens(device.driver, site.base_url, site.ui, site.deadlines).showing()
        if screen:
            raise AssertionError(f"{device.name} (system admin): System Console > Users does not show, "
                                 f"{screen} is in its way (a first-login screen)") from None
        raise AssertionError(f"{device.name} (system admin): {timeout}") from None


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
