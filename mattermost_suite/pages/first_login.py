"""What a first login shows before (or over) the channel: the v5 tutorial and what's-new modal, the v7+ onboarding
task list and tour tip, and the first admin's preparing-workspace page. The suite seeds the preferences that keep
them away; this page object says which one is in the way when that did not happen."""
from __future__ import annotations

from .base import Page
from .locators import FIRST_LOGIN_SCREENS, HAS_PREPARING_WORKSPACE, PREPARING_WORKSPACE


class FirstLoginScreenInTheWay(AssertionError):
    """A first-login screen covers (or replaces) the channel; the message names it."""


class FirstLoginScreens(Page):
    def showing(self) -> str | None:
        """The human name of the first-login screen visible right now, topmost first; None if there is none."""
        path, name = PREPARING_WORKSPACE
        if self.ui in HAS_PREPARING_WORKSPACE and self.on_path(path):
            return name
        for screen in FIRST_LOGIN_SCREENS[self.ui]:
            if self.shows(screen):
                return self.loc[screen].description
        return None


def in_the_way(screen: str) -> FirstLoginScreenInTheWay:
    verb = "stand" if screen.endswith("screens") else "stands"
    return FirstLoginScreenInTheWay(f"{screen} {verb} in the way of the channel (a first-login screen)")
