"""System Console > User Management > Users, with the Revoke All Sessions button (below the list up to v9.3, in
the header bar without an id from v9.4)."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.domain import Site
from mattermost_suite.generations import locators_of
from mattermost_suite.pages import waits
from mattermost_suite.pages.base import Page
from mattermost_suite.pages.confirm_modal import ConfirmModal
from mattermost_suite.pages.first_login import FirstLoginScreens


class SystemUsersPage(Page):
    path = "/admin_console/user_management/users"
    console = "/admin_console"
    revoke_all_label = "Revoke All Sessions"

    def __init__(self, driver: WebDriver, site: Site):
        super().__init__(driver, site)
        self.locators = locators_of(site.ui).users_page

    def open(self) -> SystemUsersPage:
        """Visit the page (unless the browser is there already) and wait for its button. A first-login screen that
        takes its place is put away as a person would (the admin's task list: "No thanks"); one that offers no way
        past ends the wait at once (WaitTimeout naming the screen) instead of at the page-load deadline."""
        if not self.on_path():
            self.visit()
        button = self.locators.revoke_all_button
        screens = FirstLoginScreens(self.driver, self.site)

        def button_or_screen(_) -> bool | str | None:
            # A screen first: the task list covers the console without hiding the button under it.
            seen = self.glance(button, *screens.looked_for)
            return screens.showing(seen) or seen.shows(button)

        passed: set[str] = set()
        while (
            shown := waits.until(self.driver, button_or_screen, self.deadlines.page_load, button.description)
        ) is not True:
            if shown in passed or not screens.get_past(shown):
                raise waits.WaitTimeout(f"{shown} shows instead of {button.description}")
            passed.add(shown)
        return self

    def is_shown(self) -> bool:
        return self.on_path() and self.offers_revoke_all_sessions()

    def revoke_all_sessions_label(self) -> str:
        return self._text(self.locators.revoke_all_button)

    @property
    def confirm_modal(self) -> ConfirmModal:
        return ConfirmModal(self.driver, self.site)

    def click_revoke_all_sessions(self) -> ConfirmModal:
        self._click(self.locators.revoke_all_button)
        return self.confirm_modal.wait_open()

    # -- as a user without the permission: the web app sends them away from the console -----------------------
    def in_console(self) -> bool:
        return self.on_path(self.console)

    def offers_revoke_all_sessions(self) -> bool:
        return self._shows(self.locators.revoke_all_button)

    def wait_until_left_or_offered(self, deadline: float) -> None:
        """Until the browser has left the System Console, or it shows the button (then it is not leaving)."""
        waits.until(
            self.driver,
            lambda _: not self.in_console() or self.offers_revoke_all_sessions(),
            deadline,
            "the web app to leave System Console > Users",
        )
