"""Explicit waits only: every wait is a condition with a named deadline from config (no sleeps, no implicit waits).

A failure names what it waited for in words ("waited 5 s for the password field"), never a selector.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from mattermost_suite.pages.locator import Locator

T = TypeVar("T")
POLL_SECONDS = 0.1
# A check that races the page is not always answered with "stale element". ChromeDriver: a node the page removed
# while it was read ("unhandled inspector error: ... Node with given id does not belong to the document") and a command
# cut short by a navigation ("aborted by navigation"). WebKitWebDriver finds elements with scripts, and a script still
# pending when the page unloads fails with "no such frame: Callback was not called before the unload event"
# (WebAutomationSessionProxy::willDestroyGlobalObjectForFrame). Same race, same answer: look again at the next poll.
RACES_WITH_THE_PAGE = ("does not belong to the document", "aborted by navigation", "before the unload event")


class WaitTimeout(AssertionError):
    """A condition did not come true in time: an assertion failure of the product, told in words."""


def until(driver: WebDriver, condition: Callable[[WebDriver], T], deadline: float, what: str) -> T:
    """Poll `condition` until it returns something truthy; fail with 'waited N s for <what>'."""
    wait = WebDriverWait(
        driver, deadline, poll_frequency=POLL_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    )
    try:
        return wait.until(looked_at_again_when_the_page_moves_on(condition))
    except TimeoutException:
        raise WaitTimeout(f"waited {deadline:g} s for {what}; the browser is at {where(driver)}") from None


def looked_at_again_when_the_page_moves_on(condition: Callable[[WebDriver], T]) -> Callable[[WebDriver], T]:
    """`condition`, with ChromeDriver's other answers to a race with the page turned into the stale element that a
    wait ignores (a wait must also ignore StaleElementReferenceException)."""

    def checked(driver: WebDriver) -> T:
        try:
            return condition(driver)
        except WebDriverException as error:
            if isinstance(error, StaleElementReferenceException) or not any(
                race in (error.msg or "") for race in RACES_WITH_THE_PAGE
            ):
                raise
            raise StaleElementReferenceException(error.msg) from None

    return checked


def visible(driver: WebDriver, locator: Locator, deadline: float, within: Locator | None = None) -> WebElement:
    """The first visible match; with `within`, looked up inside that root's first visible element, found anew on
    every poll (a re-rendered root goes stale)."""

    def found(_) -> WebElement | None:
        root = driver if within is None else within.first_visible(driver)
        return None if root is None else locator.first_visible(root)

    return until(driver, found, deadline, locator.description)


def click(driver: WebDriver, locator: Locator, deadline: float) -> None:
    """Click the first visible match as soon as a click reaches it: while something still covers it (a page that is
    fading in, a banner sliding away), the browser refuses the click and it is tried again at the next poll."""

    def clicked(_) -> bool:
        element = locator.first_visible(driver)
        if element is None:
            return False
        try:
            element.click()
        except ElementClickInterceptedException:
            return False
        return True

    until(driver, clicked, deadline, f"{locator.description} to take a click")


def gone(driver: WebDriver, locator: Locator, deadline: float) -> None:
    until(driver, lambda d: not locator.present(d), deadline, f"{locator.description} to close")


def where(driver: WebDriver) -> str:
    """Where a browser is, for failure messages: path and page title."""
    try:
        url = driver.current_url
        path = url.split("://", 1)[-1].split("/", 1)[-1]
        return f"/{path} ({driver.title!r})"
    except WebDriverException as error:
        return f"an unknown page ({type(error).__name__})"
