"""The login page, in every era: v5.x ("Sign in", #login_section) and v7+ ("Log in", .login-body-card)."""
from __future__ import annotations

from ..secrets import Secret
from . import waits
from .base import Page, normalise


class LoginPage(Page):
    path = "/login"

    def open(self) -> "LoginPage":
        self.visit()
        self.visible("login_id", self.deadlines.page_load)
        return self

    def log_in(self, login_id: str, password: Secret) -> None:
        """Fill in and submit the form, as a person would (this also makes the web app remember a UI login)."""
        for name, value in (("login_id", login_id), ("password", password.reveal())):
            field = self.visible(name)
            field.clear()
            field.send_keys(value)
        self.visible("sign_in").click()

    def is_shown(self) -> bool:
        return self.on_path() and self.shows("login_page")

    def wait_until_shown(self, deadline: float) -> None:
        waits.until(self.driver, lambda _: self.is_shown(), deadline, "the login page")

    def expired_banner(self, deadline: float) -> str:
        """The text of the session-expired banner, waiting for it to appear (without its "×" close control)."""
        banner = waits.visible(self.driver, self.loc["expired_banner"], deadline)
        text = normalise(banner.text)
        for close in self.loc["banner_close"].inside(banner):
            label = normalise(close.text)
            if label and text.endswith(label):
                text = text[: -len(label)].rstrip()
        return text

    def shows_expired_banner(self) -> bool:
        return self.shows("expired_banner")
