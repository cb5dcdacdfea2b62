"""What pages and components share: a browser, the site (server, UI generation, deadlines) and explicit waits."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from mattermost_suite.domain import Site
from mattermost_suite.pages import waits
from mattermost_suite.pages.glance import Glance, glance
from mattermost_suite.pages.locator import Locator


class Page:
    """A screen of the web app at `path`; its locators come from the site's UI generation."""

    path = "/"

    def __init__(self, driver: WebDriver, site: Site):
        self.driver = driver
        self.site = site
        self.base_url = site.base_url.rstrip("/")
        self.deadlines = site.deadlines

    def visit(self, query: str = "") -> None:
        self.driver.get(self.base_url + self.path + (f"?{query}" if query else ""))

    def current_path(self) -> str:
        """The browser's path on the site, with its query; "" when it is on another site."""
        return self.path_of(self.driver.current_url)

    def path_of(self, url: str) -> str:
        return url[len(self.base_url) :] if url.startswith(self.base_url) else ""

    def on_path(self, prefix: str | None = None, seen: Glance | None = None) -> bool:
        """Is the browser on `prefix` (default: this page's path)? From `seen` when given, else asked now."""
        path = self.current_path() if seen is None else self.path_of(seen.url)
        return path.startswith(prefix or self.path)

    def glance(self, *locators: Locator) -> Glance:
        """The URL and each locator's first visible match, in one look (glance.py)."""
        return glance(self.driver, locators)

    def where(self) -> str:
        return waits.where(self.driver)

    def _visible(self, locator: Locator, deadline: float | None = None) -> WebElement:
        return waits.visible(self.driver, locator, self.deadlines.element if deadline is None else deadline)

    def _click(self, locator: Locator, deadline: float | None = None) -> None:
        waits.click(self.driver, locator, self.deadlines.element if deadline is None else deadline)

    def _shows(self, locator: Locator) -> bool:
        """Right now, without waiting: is it visible?"""
        return locator.first_visible(self.driver) is not None

    def _text(self, locator: Locator) -> str:
        return normalise(self._visible(locator).text)


class Component:
    """A part of a page bound to its root element: its parts are looked up inside the root, never in the whole
    page, so a like-named element elsewhere cannot answer for it."""

    def __init__(self, driver: WebDriver, site: Site, root: Locator):
        self.driver = driver
        self.deadlines = site.deadlines
        self.root = root

    def _visible(self, part: Locator) -> WebElement:
        return waits.visible(self.driver, part, self.deadlines.element, within=self.root)

    def _text(self, part: Locator) -> str:
        return normalise(self._visible(part).text)


def normalise(text: str) -> str:
    """Collapse whitespace the way a reader sees the text."""
    return " ".join((text or "").split())
