"""The system admin's browser in System Console > Users: page objects bound to the admin's device."""
from __future__ import annotations

from ..pages import ConfirmModal, LoginPage, SystemUsersPage
from .scene import Scene


def users_page(scene: Scene) -> SystemUsersPage:
    return SystemUsersPage(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def confirmation(scene: Scene) -> ConfirmModal:
    return ConfirmModal(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)


def admin_login_page(scene: Scene) -> LoginPage:
    return LoginPage(scene.admin_device.driver, scene.site.base_url, scene.site.ui, scene.site.deadlines)
