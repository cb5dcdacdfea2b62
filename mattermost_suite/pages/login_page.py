"""The login page: v5.x ("Sign in", #login_section) and v7+ ("Log in", .login-body-card), with each era's MFA step."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import quote

from selenium.webdriver.remote.webdriver import WebDriver

from mattermost_suite.domain import Site
from mattermost_suite.generations import locators_of
from mattermost_suite.pages import waits
from mattermost_suite.pages.base import Page, normalise
from mattermost_suite.pages.glance import Glance
from mattermost_suite.secrets import Secret

# The first load may skip the landing page and the next shows it; a third without it means it will not come.
VISITS_FOR_THE_LANDING_PAGE = 3
CLICK_AGAIN_AFTER = 5.0  # seconds on the landing page after a click before a person clicks again


class LoginPage(Page):
    path = "/login"

    def __init__(self, driver: WebDriver, site: Site):
        super().__init__(driver, site)
        self.locators = locators_of(site.ui).login
        self.typed_mfa_code = False  # the MFA step stays on screen until the server answers the code
        self.met_landing_page = False  # open() went through the landing page

    def open(self, meets_landing_page: bool = False, then: str = "") -> LoginPage:
        """The login form; with `then`, the form that leads there once logged in (the web app's own `redirect_to`,
        as when a logged-out person opens a bookmark of that page).

        A browser the web app has not seen is shown its landing page once ("Where would you like to view this?"), and
        a person goes on with "View in Browser". A browser that `meets_landing_page` is taken through it before the
        run watches it: the real app can skip the page on the very first load (WebKit renders the form before the app
        has read its configuration) and show it at the next full load instead, which for a watched browser is the
        reload of its forced logout. So such a browser visits again until the page has come and been answered."""
        form, landing = self.locators.login_id, self.locators.view_in_browser

        def form_or_landing(_) -> Glance | None:
            look = self.glance(form, landing)
            return look if look.shows(form) or look.shows(landing) else None

        query = f"redirect_to={quote(then, safe='')}" if then else ""
        for _ in range(VISITS_FOR_THE_LANDING_PAGE):
            self.visit(query)
            look = waits.until(self.driver, form_or_landing, self.deadlines.page_load, form.description)
            if look.shows(landing):
                self._through_the_landing_page()
                self.met_landing_page = True
                return self
            if not meets_landing_page:
                return self
        raise waits.WaitTimeout(
            f"the landing page did not show in {VISITS_FOR_THE_LANDING_PAGE} visits of the login page, "
            f"though the server's configuration turns it on; the browser is at {self.where()}"
        )

    def _through_the_landing_page(self) -> None:
        """ "View in Browser", until the form shows. A click the page did not act on (on a busy machine the real app
        can still be rendering the link) leaves it on the landing page, where a person clicks again: so does this,
        at most every CLICK_AGAIN_AFTER seconds. A landing page that keeps coming back still fails here, naming it:
        no click is left too late for the page to answer it before the deadline, so the failure says where the
        last click led, not that a page was still loading."""
        form, landing = self.locators.login_id, self.locators.view_in_browser
        clicked_at = time.monotonic()
        last_click_by = clicked_at + self.deadlines.page_load - CLICK_AGAIN_AFTER
        self._click(landing)

        def form_shown(_) -> bool:
            nonlocal clicked_at
            look = self.glance(form, landing)
            now = time.monotonic()
            if look.shows(landing) and now - clicked_at >= CLICK_AGAIN_AFTER and now <= last_click_by:
                clicked_at = now
                self._click(landing)
            return look.shows(form)

        waits.until(self.driver, form_shown, self.deadlines.page_load, form.description)

    def log_in(self, login_id: str, password: Secret, mfa_token_provider: Callable[[], str] | None = None) -> None:
        """Fill in and submit the form, as a person would (this also makes the web app remember a UI login).

        With an MFA token provider: when the web app asks for a token (the MFA step replaces the form), type the
        provider's current code and submit it; a page that leaves /login without asking is fine too.
        """
        self.typed_mfa_code = False
        for field, value in ((self.locators.login_id, login_id), (self.locators.password, password.reveal())):
            element = self._visible(field)
            element.clear()
            element.send_keys(value)
        self._click(self.locators.sign_in)
        if mfa_token_provider is None:
            return
        waits.until(
            self.driver,
            lambda _: self.asks_for_mfa() or not self.on_path(),
            self.deadlines.login,
            "the MFA step or the page after the login",
        )
        if self.asks_for_mfa():
            self._visible(self.locators.mfa_token).send_keys(mfa_token_provider())
            self._click(self.locators.mfa_submit)
            self.typed_mfa_code = True

    def asks_for_mfa(self) -> bool:
        return self._shows(self.locators.mfa_token)

    def wait_until_left(self, deadline: float) -> None:
        """Until the browser is no longer on /login (logged in) and the web app has sent it on from its root: "/"
        only redirects a logged-in user (to the default team, or the first admin to the preparing-workspace page:
        actions/global_actions.tsx redirectToOnboardingOrDefaultTeam), so it is not where the login lands. An MFA
        step with no code typed fails at once; after a typed code it is still on screen until the server answers."""

        def left(_) -> bool:
            seen = self.glance(self.locators.mfa_token)
            if not self.typed_mfa_code and seen.shows(self.locators.mfa_token):
                raise waits.WaitTimeout(
                    "the login page asks for an MFA token and the suite has none for this user "
                    f"(set admin_mfa_secret); the browser is at {self.where()}"
                )
            return not self.on_path(seen=seen) and not self._at_root(seen.url)

        waits.until(self.driver, left, deadline, "the web app to leave the login page and its root")

    def _at_root(self, url: str) -> bool:
        return url.startswith(self.base_url) and self.path_of(url).split("?")[0] in ("", "/")

    def is_shown(self) -> bool:
        seen = self.glance(self.locators.page)
        return self.on_path(seen=seen) and seen.shows(self.locators.page)

    def wait_until_shown(self, deadline: float) -> None:
        waits.until(self.driver, lambda _: self.is_shown(), deadline, "the login page", on_change=True)

    def expired_banner(self, deadline: float) -> str:
        """The text of the session-expired banner, waiting for it to appear (without its "×" close control)."""
        banner = self._visible(self.locators.expired_banner, deadline)
        text = normalise(banner.text)
        for close in self.locators.banner_close.inside(banner):
            label = normalise(close.text)
            if label and text.endswith(label):
                text = text[: -len(label)].rstrip()
        return text

    def shows_expired_banner(self) -> bool:
        return self._shows(self.locators.expired_banner)
