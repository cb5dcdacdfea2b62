"""A channel page, where a logged-in user lands and where the victims' browsers are left visible."""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.domain import Site
from mattermost_suite.generations import locators_of
from mattermost_suite.pages import waits
from mattermost_suite.pages.base import Page
from mattermost_suite.pages.first_login import FirstLoginScreens, in_the_way
from mattermost_suite.pages.glance import Glance


class ChannelPage(Page):
    def __init__(self, driver: WebDriver, site: Site):
        super().__init__(driver, site)
        self.locators = locators_of(site.ui).channel

    def is_shown(self) -> bool:
        """The channel is in view: its header shows and no first-login screen covers or replaces it."""
        screens = self._screens()
        seen = self._look(screens)
        return self._header_in(seen) and screens.showing(seen) is None

    def wait_until_shown(self, deadline: float) -> str:
        """Wait for the channel; return its display name (e.g. "Town Square").

        Raises FirstLoginScreenInTheWay naming the screen as soon as one stands in the way: it will not go by itself.
        """
        screens = self._screens()

        def shown(_) -> bool:
            # Header and screens in one look: the web app renders its first-login screens in the same pass as the
            # channel, so once the header is seen, a screen that is not there yet is not coming.
            seen = self._look(screens)
            screen = screens.showing(seen)
            if screen is not None:
                raise in_the_way(screen)
            return self._header_in(seen)

        waits.until(self.driver, shown, deadline, "a channel page", on_change=True)
        return self.channel_name()

    def channel_name(self) -> str:
        return self._text(self.locators.title)

    def _look(self, screens: FirstLoginScreens) -> Glance:
        return self.glance(self.locators.title, *screens.looked_for)

    def _header_in(self, seen: Glance) -> bool:
        return "/channels/" in seen.url and seen.shows(self.locators.title)

    def _screens(self) -> FirstLoginScreens:
        return FirstLoginScreens(self.driver, self.site)
