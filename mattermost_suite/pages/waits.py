"""Explicit waits only: every wait is a condition with a named deadline from config (no sleeps, no implicit waits).

A failure names what it waited for in words ("waited 5 s for the password field"), never a selector.

A wait looks again every POLL_SECONDS. A long watch of a page that mostly sits still (the idle tabs waiting up to a
minute for the web app's status poll, a login waiting for the real app's 10 MB of JavaScript) looks again when the
page changes instead (`on_change=True`): the browser says when its document changed or navigated, and a page that
changes nothing for LOOK_AGAIN_AFTER seconds is looked at anyway (a change no observer sees, such as a CSS
transition ending). A minute's watch is then some sixty looks rather than six hundred.
"""

from __future__ import annotations

import time
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
from mattermost_suite.poll import pause

T = TypeVar("T")
POLL_SECONDS = 0.1
LOOK_AGAIN_AFTER = 1.0
# Ends at the page's first change once `floor` ms have passed (a page that changes all the time is looked at no more
# often than every POLL_SECONDS), or after `cap` ms. A navigation ends it with an error: a change too.
NEXT_CHANGE = """
const [floor, cap, done] = arguments;
let changed = false, due = false, over = false;
const finish = () => {
  if (over) return;
  over = true;
  observer.disconnect();
  removeEventListener("popstate", change);
  done(true);
};
const change = () => { changed = true; if (due) finish(); };
const observer = new MutationObserver(change);
observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
addEventListener("popstate", change);
setTimeout(() => { due = true; if (changed) finish(); }, floor);
setTimeout(finish, cap);
"""
# A check that races the page is not always answered with "stale element". ChromeDriver: a node the page removed
# while it was read ("unhandled inspector error: ... Node with given id does not belong to the document") and a command
# cut short by a navigation ("aborted by navigation"). WebKitWebDriver finds elements with scripts, and a script still
# pending when the page unloads fails with "no such frame: Callback was not called before the unload event"
# (WebAutomationSessionProxy::willDestroyGlobalObjectForFrame). Same race, same answer: look again at the next poll.
RACES_WITH_THE_PAGE = ("does not belong to the document", "aborted by navigation", "before the unload event")


class WaitTimeout(AssertionError):
    """A condition did not come true in time: an assertion failure of the product, told in words."""


def until(
    driver: WebDriver, condition: Callable[[WebDriver], T], deadline: float, what: str, on_change: bool = False
) -> T:
    """Poll `condition` until it returns something truthy; fail with 'waited N s for <what>'. `on_change`: look
    again when the page changes rather than every POLL_SECONDS (the module's docstring says when)."""
    if on_change:
        return _until_the_page_changes(driver, condition, deadline, what)
    wait = WebDriverWait(
        driver, deadline, poll_frequency=POLL_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    )
    try:
        return wait.until(looked_at_again_when_the_page_moves_on(condition))
    except TimeoutException:
        raise timed_out(driver, deadline, what) from None


def timed_out(driver: WebDriver, deadline: float, what: str) -> WaitTimeout:
    return WaitTimeout(f"waited {deadline:g} s for {what}; the browser is at {where(driver)}")


def _until_the_page_changes(driver: WebDriver, condition: Callable[[WebDriver], T], deadline: float, what: str) -> T:
    check = looked_at_again_when_the_page_moves_on(condition)
    end = time.monotonic() + deadline
    while True:
        try:
            if value := check(driver):
                return value
        except StaleElementReferenceException:
            pass  # the page moved on while it was read: look again
        left = end - time.monotonic()
        if left <= 0:
            raise timed_out(driver, deadline, what)
        _next_change(driver, min(left, LOOK_AGAIN_AFTER))


def _next_change(driver: WebDriver, at_most: float) -> None:
    started = time.monotonic()
    try:
        driver.execute_async_script(NEXT_CHANGE, round(POLL_SECONDS * 1000), round(at_most * 1000))
    except WebDriverException:
        # A navigation cut the script short (the page changed), or the page runs no scripts right now: either way
        # look again, but not sooner than a poll would have.
        pause(max(0.0, POLL_SECONDS - (time.monotonic() - started)))


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
