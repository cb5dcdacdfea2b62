"""What every page object shares: its browser, the server, the UI generation's locators and the deadlines."""
from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from ..config import Deadlines
from . import waits
from .locators import locators_for


class Page:
    path = "/"

    def __init__(self, driver: WebDriver, base_url: str, ui: str, deadlines: Deadlines):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.ui = ui
        self.deadlines = deadlines
        self.loc = locators_for(ui)

    def visit(self) -> None:
        self.driver.get(self.base_url + self.path)

    def on_path(self, prefix: str | None = None) -> bool:
        path = self.driver.current_url[len(self.base_url):] if self.driver.current_url.startswith(self.base_url) else ""
        return path.startswith(prefix or self.path)

    def visible(self, name: str, deadline: float | None = None):
        return waits.visible(self.driver, self.loc[name], self.deadlines.element if deadline is None else deadline)

    def shows(self, name: str) -> bool:
        """Right now, without waiting: is the named element visible?"""
        return self.loc[name].first_visible(self.driver) is not None

    def text_of(self, name: str) -> str:
        return normalise(self.visible(name).text)

    def where(self) -> str:
        return waits.where(self.driver)


def normalise(text: str) -> str:
    """Collapse whitespace the way a reader sees the text."""
    return " ".join((text or "").split())
