"""One element as a person names it ("the Revoke All Sessions button") and as exactly one selector finds it.

Failures quote the description, never the selector. A locator has no alternatives, so it cannot quietly read a
neighbouring UI generation's DOM.
"""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from mattermost_suite.pages.glance import glance

Root = WebDriver | WebElement  # where a search starts: the whole page, or one component's root element


@dataclass(frozen=True)
class Locator:
    description: str
    by: str
    selector: str

    def first_visible(self, root: Root) -> WebElement | None:
        """Right now, without waiting: the first match under `root` that a person can see."""
        if isinstance(root, WebElement):
            return glance(root.parent, [self], within=root).first(self)
        return glance(root, [self]).first(self)

    def present(self, root: Root) -> bool:
        """In the DOM under `root`, seen or not (a closing modal is still present)."""
        return bool(root.find_elements(self.by, self.selector))

    def inside(self, element: WebElement) -> list[WebElement]:
        return element.find_elements(self.by, self.selector)

    def __str__(self) -> str:
        return self.description


@dataclass(frozen=True)
class Address:
    """A screen known by the path the web app sends the browser to, not by an element."""

    description: str
    path: str


def css(description: str, selector: str) -> Locator:
    return Locator(description, By.CSS_SELECTOR, selector)


def element_id(description: str, id_: str) -> Locator:
    return Locator(description, By.ID, id_)


def xpath(description: str, path: str) -> Locator:
    return Locator(description, By.XPATH, path)


def button_named(name: str, within_class: str | None = None, part: bool = False) -> Locator:
    """A button by its role and accessible name (its text), as a person finds it; optionally only inside a <div> of
    the given class. A `part` of a component is looked up inside the component's root (a relative XPath: one that
    starts with // searches the whole document even from an element). The name is English: the suite drives an
    English UI."""
    if "'" in name or (within_class and "'" in within_class):
        raise ValueError(f"button_named cannot quote {name!r}")
    scope = f"//div[contains(concat(' ', normalize-space(@class), ' '), ' {within_class} ')]" if within_class else ""
    return xpath(f"the {name} button", f"{'.' if part else ''}{scope}//button[normalize-space(.)='{name}']")
