"""What a first login shows before (or over) the channel: the v5 tutorial and what's-new modal, the v7+ onboarding
task list and tour tip, and the first admin's preparing-workspace page. The suite seeds the preferences that keep
them away; this page object says which one is in the way when that did not happen."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.domain import Site
from mattermost_suite.generations import locators_of
from mattermost_suite.pages.base import Page
from mattermost_suite.pages.glance import Glance
from mattermost_suite.pages.locator import Locator


class FirstLoginScreenInTheWay(AssertionError):
    """A first-login screen covers (or replaces) the channel; the message names it."""


class FirstLoginScreens(Page):
    def __init__(self, driver: WebDriver, site: Site):
        super().__init__(driver, site)
        self.locators = locators_of(site.ui).first_login

    @property
    def looked_for(self) -> tuple[Locator, ...]:
        """What a glance must read for showing(): a page that waits for something else reads these in the same look."""
        return self.locators.screens

    def showing(self, seen: Glance | None = None) -> str | None:
        """The human name of the first-login screen visible right now (or in `seen`, a glance that read
        `looked_for`), topmost first; None if there is none."""
        seen = seen or self.glance(*self.looked_for)
        workspace = self.locators.preparing_workspace
        if workspace is not None and self.on_path(workspace.path, seen):
            return workspace.description
        return next((screen.description for screen in self.locators.screens if seen.shows(screen)), None)

    def get_past(self, screen: str) -> bool:
        """Put `screen` away as a person would, if it offers a way (the web app then saves that choice in the
        user's preferences); False when it offers none."""
        way = self.locators.ways_past.get(screen)
        if way is None:
            return False
        self._click(way)
        return True


def in_the_way(screen: str) -> FirstLoginScreenInTheWay:
    verb = "stand" if screen.endswith("screens") else "stands"
    return FirstLoginScreenInTheWay(f"{screen} {verb} in the way of the channel (a first-login screen)")
