"""A channel page, where a logged-in user lands and where the victims' browsers are left visible."""
from __future__ import annotations

from . import waits
from .base import Page, normalise


class ChannelPage(Page):
    def is_shown(self) -> bool:
        return "/channels/" in self.driver.current_url and self.shows("channel_view")

    def wait_until_shown(self, deadline: float) -> str:
        """Wait for the channel view; return the channel's display name (e.g. "Town Square")."""
        waits.until(self.driver, lambda _: self.is_shown(), deadline, "a channel page")
        return self.channel_name()

    def channel_name(self) -> str:
        return normalise(self.visible("channel_title").text)
