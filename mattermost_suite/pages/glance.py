"""One look at a browser: its URL and, for each locator asked about, the first match a person can see, read in a
single WebDriver round trip.

Why: a wait polls every 0.1 s, and the channel page alone asks for the URL, the header and every first-login screen.
Read one by one (current URL, find elements, "is displayed" per element) that was up to six commands per poll and
browser, each a hop through the Grid. Here the page answers them all in one script, with Selenium's own
"is displayed" atom (the one WebElement.is_displayed sends), so what counts as visible does not change. A look is
also one instant of the page: the URL and the elements cannot come from two different renders.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

if TYPE_CHECKING:
    from mattermost_suite.pages.locator import Locator

_IS_DISPLAYED = pkgutil.get_data("selenium.webdriver.remote", "isDisplayed.js").decode("utf8")
# The one script a page sends per look (public so that test fakes can answer it and refuse any other). Arguments:
# the root element (null: the whole document), then [strategy, selector] pairs (CSS or XPath).
LOOK_SCRIPT = (
    f"const isDisplayed = ({_IS_DISPLAYED});"
    """
const [within, wanted] = [arguments[0], arguments[1]];
const root = within || document;
const matches = ([by, selector]) => {
  if (by !== "xpath") return Array.from(root.querySelectorAll(selector));
  const found = document.evaluate(selector, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  return Array.from({length: found.snapshotLength}, (_, i) => found.snapshotItem(i));
};
return [location.href, wanted.map((query) => matches(query).find((element) => isDisplayed(element)) || null)];
"""
)


@dataclass(frozen=True)
class Glance:
    """What one browser showed at one instant: its URL and the first visible match of each locator looked for."""

    url: str
    seen: dict[Locator, WebElement | None]

    def first(self, locator: Locator) -> WebElement | None:
        return self.seen[locator]

    def shows(self, locator: Locator) -> bool:
        return self.seen[locator] is not None


def glance(driver: WebDriver, locators: Iterable[Locator], within: WebElement | None = None) -> Glance:
    """Look once; with `within`, each locator is matched inside that element (XPath from the document, as
    WebElement.find_elements does)."""
    wanted = tuple(dict.fromkeys(locators))
    answer = driver.execute_script(LOOK_SCRIPT, within, [_query(locator) for locator in wanted])
    if answer is None:
        # Firefox answers null when the page that ran the script navigated away meanwhile: the page moved on, as
        # with a stale element, which every wait ignores until its next look.
        raise StaleElementReferenceException("the page navigated away while it was looked at")
    url, found = answer
    return Glance(url, dict(zip(wanted, found, strict=True)))


def _query(locator: Locator) -> list[str]:
    """The W3C strategy Selenium itself sends: an id becomes a CSS attribute selector."""
    if locator.by == By.ID:
        return [By.CSS_SELECTOR, f'[id="{locator.selector}"]']
    if locator.by not in (By.CSS_SELECTOR, By.XPATH):
        raise ValueError(f"a glance reads CSS or XPath locators, not {locator.by!r} ({locator.description})")
    return [locator.by, locator.selector]
