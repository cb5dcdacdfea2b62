"""Explicit waits only: every wait is a condition with a named deadline from config (no sleeps, no implicit waits).

A Target is a human description plus one or more locators (alternatives for neighbouring DOM eras); failures name
the description ("the Revoke All Sessions button"), never a CSS string.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TypeVar

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

T = TypeVar("T")
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Target:
    description: str
    locators: tuple[tuple[str, str], ...]

    def first_visible(self, driver: WebDriver) -> WebElement | None:
        for by, value in self.locators:
            for element in driver.find_elements(by, value):
                if element.is_displayed():
                    return element
        return None

    def inside(self, element: WebElement) -> list[WebElement]:
        return [found for by, value in self.locators for found in element.find_elements(by, value)]

    def present(self, driver: WebDriver) -> bool:
        return any(driver.find_elements(by, value) for by, value in self.locators)


class WaitTimeout(AssertionError):
    """A condition did not come true in time: an assertion failure of the product, told in words."""


def until(driver: WebDriver, condition: Callable[[WebDriver], T], deadline: float, what: str) -> T:
    """Poll `condition` until it returns something truthy; fail with 'waited N s for <what>'."""
    wait = WebDriverWait(driver, deadline, poll_frequency=POLL_SECONDS,
                         ignored_exceptions=(StaleElementReferenceException,))
    try:
        return wait.until(condition)
    except TimeoutException:
        raise WaitTimeout(f"waited {deadline:g} s for {what}; the browser is at {where(driver)}") from None


def visible(driver: WebDriver, target: Target, deadline: float) -> WebElement:
    return until(driver, target.first_visible, deadline, target.description)


def gone(driver: WebDriver, target: Target, deadline: float) -> None:
    until(driver, lambda d: not target.present(d), deadline, f"{target.description} to close")


def where(driver: WebDriver) -> str:
    """Where a browser is, for failure messages: path and page title."""
    try:
        url = driver.current_url
        path = url.split("://", 1)[-1].split("/", 1)[-1]
        return f"/{path} ({driver.title!r})"
    except WebDriverException as error:
        return f"an unknown page ({type(error).__name__})"
