"""The generic ConfirmModal component (react-bootstrap up to v9.x, on GenericModal in the newest product)."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.domain import Site
from mattermost_suite.generations import locators_of
from mattermost_suite.pages import waits
from mattermost_suite.pages.base import Component


class ConfirmModal(Component):
    """Bound to #confirmModal: title, message and buttons are read inside it, never elsewhere on the page."""

    def __init__(self, driver: WebDriver, site: Site):
        self.locators = locators_of(site.ui).confirm_modal
        super().__init__(driver, site, self.locators.root)

    def wait_open(self) -> ConfirmModal:
        waits.visible(self.driver, self.root, self.deadlines.element)
        self._visible(self.locators.confirm_button)
        return self

    def title(self) -> str:
        return self._text(self.locators.title)

    def message(self) -> str:
        return self._text(self.locators.message)

    def cancel_label(self) -> str:
        return self._text(self.locators.cancel_button)

    def confirm_label(self) -> str:
        return self._text(self.locators.confirm_button)

    def cancel(self) -> None:
        """Cancel, and wait until the modal has left the page."""
        self._visible(self.locators.cancel_button).click()
        waits.gone(self.driver, self.root, self.deadlines.element)

    def confirm(self) -> None:
        self._visible(self.locators.confirm_button).click()

    def is_open(self) -> bool:
        return self.root.present(self.driver)
