"""Page objects against the stand-in's pages in headless Chromium, in all three UI generations."""

from __future__ import annotations

import ast
from dataclasses import FrozenInstanceError, fields
from inspect import ismodule
from pathlib import Path
from typing import get_type_hints

import pyotp
import pytest
import requests
from selenium.common.exceptions import NoSuchFrameException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By

import mattermost_suite.actors
import mattermost_suite.pages
from mattermost_standin import StandinServer
from mattermost_suite import generations
from mattermost_suite.config import Deadlines, load
from mattermost_suite.domain import LANDING_BROWSERS, Site
from mattermost_suite.fleet.drivers import new_driver
from mattermost_suite.fleet.profiles import profile_named
from mattermost_suite.pages import (
    ChannelPage,
    ConfirmModal,
    FirstLoginScreenInTheWay,
    FirstLoginScreens,
    LoginPage,
    SystemUsersPage,
    WaitTimeout,
    waits,
)
from mattermost_suite.pages.locator import Locator
from mattermost_suite.pages.locators import Locators, LoginLocators
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi
from tests.support.constants import ADMIN_PASSWORD
from tests.support.first_login import skip_first_login
from tests.support.generations import UIS
from tests.support.glances import AnswersGlances

PASSWORD = Secret(ADMIN_PASSWORD)
USER_PASSWORD = "passwd-first-login"
MFA_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
OLD_MESSAGE = (
    "This action revokes all sessions in the system. All users will be logged out from all devices. "
    "Are you sure you want to revoke all sessions?"
)
MESSAGES = {
    "legacy": OLD_MESSAGE,
    "transitional": OLD_MESSAGE,
    "current": "This action revokes all sessions in the system. All users will be logged out from all devices, "
    "including your session. Are you sure you want to revoke all sessions?",
}
# What a fresh user meets first. v5 shows two at once: the tutorial intro in the centre and the what's new modal over
# it, which fades in, so either may be the one seen first (as in test_acceptance).
SCREENS = {
    "legacy": ("the what's new modal", "the v5 tutorial intro screens"),
    "transitional": ("the onboarding task list",),
    "current": ("the onboarding task list",),
}


@pytest.fixture(scope="module", params=UIS)
def standin(request):
    """Overrides the two-generation server of conftest.py: every page object is checked in every generation."""
    with StandinServer(ui=request.param, status_poll_seconds=1.0) as server:
        skip_first_login(server.url, _token(server.url, "sysadmin", PASSWORD.reveal()))
        yield server


def _token(base: str, login_id: str, password: str, token: str = "") -> str:
    body = {"login_id": login_id, "password": password, **({"token": token} if token else {})}
    response = requests.post(f"{base}/api/v4/users/login", json=body, timeout=10)
    assert response.status_code == 200, response.text
    return response.headers["Token"]


def _fresh_member(base: str) -> str:
    """A team member created through the API, first-login preferences untouched; returns the username."""
    admin = {"Authorization": f"Bearer {_token(base, 'sysadmin', PASSWORD.reveal())}"}
    name = f"fresh{pyotp.random_base32()[:8].lower()}"
    user = requests.post(
        f"{base}/api/v4/users",
        json={"username": name, "email": f"{name}@example.com", "password": USER_PASSWORD},
        timeout=10,
    ).json()
    team = requests.get(f"{base}/api/v4/teams/name/ad-1", headers=admin, timeout=10).json()
    requests.post(
        f"{base}/api/v4/teams/{team['id']}/members",
        json={"team_id": team["id"], "user_id": user["id"]},
        headers=admin,
        timeout=10,
    )
    return name


def site(config, ui) -> Site:
    return Site(config.base_url, ui, config.deadlines)


def pages(driver, config, ui):
    where_to = site(config, ui)
    return LoginPage(driver, where_to), ChannelPage(driver, where_to), SystemUsersPage(driver, where_to)


def _config_for(server: StandinServer):
    return load(
        {
            "base_url": server.url,
            "admin_password": PASSWORD.reveal(),
            "element_deadline": "5",
            "login_deadline": "15",
            "logout_deadline": "20",
        },
        {},
        env={},
    )


@pytest.mark.browser
def test_login_form_lands_on_a_channel(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open()
    assert login.is_shown() and not login.shows_expired_banner()
    login.log_in("sysadmin", PASSWORD)
    assert channel.wait_until_shown(config.deadlines.login) == "Town Square"
    assert FirstLoginScreens(chromium, site(config, standin.ui)).showing() is None
    assert chromium.get_cookie("MMAUTHTOKEN")["value"]


@pytest.mark.browser
def test_revoke_all_confirmation_reads_its_own_words_and_cancel_keeps_the_page(standin, config, chromium):
    login, channel, users = pages(chromium, config, standin.ui)
    login.open().log_in("sysadmin", PASSWORD)
    channel.wait_until_shown(config.deadlines.login)
    users.open()
    assert users.revoke_all_sessions_label() == "Revoke All Sessions"
    modal = users.click_revoke_all_sessions()
    assert isinstance(modal, ConfirmModal) and modal.is_open() and users.confirm_modal.is_open()
    assert modal.title() == "Revoke all sessions in the system"
    assert modal.message() == MESSAGES[standin.ui]  # never the button words, in any generation
    assert (modal.cancel_label(), modal.confirm_label()) == ("Cancel", "Revoke All Sessions")
    modal.cancel()
    assert not modal.is_open() and not users.confirm_modal.is_open() and users.is_shown()


@pytest.mark.browser
def test_a_watched_browser_gets_the_expired_banner_by_itself(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open().log_in("sysadmin@sample.mattermost.com", PASSWORD)
    channel.wait_until_shown(config.deadlines.login)
    admin = MattermostApi(standin.url)
    admin.log_in("sysadmin", PASSWORD)
    admin.revoke_all_sessions()
    login.wait_until_shown(config.deadlines.logout)  # the stand-in polls every second; no reload here
    assert login.expired_banner(config.deadlines.element) == "Your session has expired. Please log in again."


@pytest.mark.browser
def test_a_first_login_screen_in_the_way_is_named_instead_of_a_timeout(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open().log_in(_fresh_member(standin.url), Secret(USER_PASSWORD))
    with pytest.raises(FirstLoginScreenInTheWay) as caught:
        channel.wait_until_shown(config.deadlines.login)
    said = {"the v5 tutorial intro screens": "stand"}  # a plural
    expected = [
        f"{screen} {said.get(screen, 'stands')} in the way of the channel (a first-login screen)"
        for screen in SCREENS[standin.ui]
    ]
    assert str(caught.value) in expected
    assert FirstLoginScreens(chromium, site(config, standin.ui)).showing() in SCREENS[standin.ui]
    assert not channel.is_shown()


@pytest.mark.browser
def test_each_generations_locators_fail_in_words_on_another_generations_page(standin, config, chromium):
    """No fallbacks: a generation's locator does not quietly read a neighbouring era's DOM."""
    others = [ui for ui in UIS if ui != standin.ui]
    login = LoginPage(chromium, site(config, standin.ui)).open()  # through the landing page, where it shows
    waits.visible(chromium, login.locators.password, config.deadlines.page_load)
    legacy_login = standin.ui == "legacy"
    for other in others:
        page = LoginPage(chromium, site(config, other))
        if legacy_login == (other == "legacy"):
            continue  # the same login page (transitional and current share it)
        with pytest.raises(WaitTimeout) as caught:
            waits.visible(chromium, page.locators.password, 1)
        assert str(caught.value).startswith("waited 1 s for the password field; the browser is at /login")
        assert "#" not in str(caught.value)


@pytest.mark.browser
def test_a_wait_names_what_it_waited_for(standin, config, chromium):
    login, channel, _ = pages(chromium, config, standin.ui)
    login.open()
    with pytest.raises(WaitTimeout, match="waited 0.5 s for a channel page; the browser is at /login"):
        channel.wait_until_shown(0.5)


@pytest.fixture
def own_server():
    """A private server with options, and a Chromium aimed at it (independent of the module's server)."""
    started = []

    def start(**options):
        server = StandinServer(**options).start()
        config = _config_for(server)
        driver = new_driver(profile_named("Desktop Chromium"), config)
        started.append((server, driver))
        return server, config, driver

    yield start
    for server, driver in started:
        driver.quit()
        server.stop()


@pytest.mark.browser
def test_mfa_login_types_the_current_code_and_without_one_says_so(own_server, standin):
    server, config, driver = own_server(ui=standin.ui, admin_mfa_secret=MFA_SECRET)
    login = LoginPage(driver, site(config, standin.ui))
    login.open().log_in("sysadmin", PASSWORD)
    with pytest.raises(WaitTimeout, match="asks for an MFA token"):
        login.wait_until_left(config.deadlines.login)
    login.open().log_in("sysadmin", PASSWORD, mfa_token_provider=lambda: pyotp.TOTP(MFA_SECRET).now())
    login.wait_until_left(config.deadlines.login)


@pytest.mark.browser
def test_the_first_admin_of_a_fresh_workspace_is_left_on_preparing_workspace(own_server, standin):
    """v7+ only: a v5 web app has no first-admin onboarding and sends the admin without a team to /select_team."""
    server, config, driver = own_server(ui=standin.ui, fresh_workspace=True)
    login = LoginPage(driver, site(config, standin.ui))
    login.open().log_in("sysadmin", PASSWORD)
    login.wait_until_left(config.deadlines.login)
    screens = FirstLoginScreens(driver, site(config, standin.ui))
    if standin.ui == "legacy":
        waits.until(driver, lambda _: login.on_path("/select_team"), config.deadlines.page_load, "/select_team")
        assert screens.showing() is None
        return
    shown = waits.until(driver, lambda _: screens.showing(), config.deadlines.page_load, "a first-login screen")
    assert shown == "the preparing-workspace page"


# -- the locators themselves, without a browser ------------------------------------------------------------------
OFFLINE = Site("http://mattermost.invalid", "current", Deadlines(30, 5, 15, 20, 30))


@pytest.mark.parametrize("ui", UIS)
@pytest.mark.unit
def test_every_generation_declares_every_locator_once_with_a_description(ui):
    generation = generations.locators_of(ui)
    assert isinstance(generation, Locators)
    declared_types = get_type_hints(Locators)
    for part in fields(Locators):
        locators = getattr(generation, part.name)
        assert isinstance(locators, declared_types[part.name]), part.name  # each era's own subclass for first_login
        assert fields(locators), f"{ui}: {part.name} declares no locators"
        for field in fields(locators):
            locator = getattr(locators, field.name)
            assert isinstance(locator, Locator), f"{ui}: {part.name}.{field.name}"
            assert locator.description.startswith("the ") and str(locator) == locator.description
            assert "#" not in locator.description and locator.selector  # failures quote words, not selectors
            assert locator.by in (By.CSS_SELECTOR, By.ID, By.XPATH)  # exactly one selector, no alternatives
    assert generation.first_login.screens  # what can stand in the way of the channel, topmost first
    with pytest.raises(TypeError):
        LoginLocators(page=generation.login.page)  # a generation cannot leave a locator out
    with pytest.raises(FrozenInstanceError):
        generation.login.password = generation.login.login_id


class _Page:
    """A driver stand-in whose element checks fail once the way ChromeDriver does, then find the element."""

    def __init__(self, error: WebDriverException):
        self.error, self.checks, self.current_url = error, 0, "http://127.0.0.1/login"

    def check(self, _driver) -> str:
        self.checks += 1
        if self.checks == 1:
            raise self.error
        return "the element"


@pytest.mark.unit
def test_a_check_that_races_the_page_is_looked_at_again():
    detached = WebDriverException(
        'unknown error: unhandled inspector error: {"code":-32000,'
        '"message":"Node with given id does not belong to the document"}'
    )
    navigated = WebDriverException("aborted by navigation: Inspected target navigated or closed")
    unloaded = NoSuchFrameException("Callback was not called before the unload event.")  # WebKitWebDriver
    for error in (detached, navigated, unloaded, StaleElementReferenceException("stale element reference")):
        page = _Page(error)
        assert waits.until(page, page.check, 5, "the element") == "the element" and page.checks == 2


@pytest.mark.unit
def test_any_other_driver_error_fails_the_check_at_once():
    for error in (NoSuchFrameException("no such frame"), WebDriverException("chrome not reachable")):
        page = _Page(error)
        with pytest.raises(type(error)):
            waits.until(page, page.check, 5, "the element")
        assert page.checks == 1


class _MfaStepShownFor(AnswersGlances):
    """A browser on the MFA step for a few more looks (the code is on its way to the server), then on a channel."""

    title = "Mattermost"

    def __init__(self, looks: int):
        self.looks = looks

    @property
    def current_url(self) -> str:
        self.looks -= 1
        return OFFLINE.base_url + ("/login" if self.looks >= 0 else "/ad-1/channels/town-square")

    def find_elements(self, by, selector):
        return [_Shown()] if self.looks > 0 else []


class _Shown:
    def is_displayed(self) -> bool:
        return True


@pytest.mark.unit
def test_a_typed_mfa_code_waits_for_the_server_and_no_code_fails_at_once():
    answered = LoginPage(_MfaStepShownFor(3), OFFLINE)
    answered.typed_mfa_code = True
    answered.wait_until_left(5)
    with pytest.raises(WaitTimeout, match="asks for an MFA token and the suite has none"):
        LoginPage(_MfaStepShownFor(3), OFFLINE).wait_until_left(5)


@pytest.mark.unit
def test_any_other_driver_error_ends_the_wait_at_once():
    page = _Page(WebDriverException("invalid session id"))
    with pytest.raises(WebDriverException, match="invalid session id"):
        waits.until(page, page.check, 5, "the element")
    assert page.checks == 1


@pytest.mark.unit
def test_a_typo_in_a_locator_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        _ = LoginPage(None, OFFLINE).locators.pasword
    with pytest.raises(AttributeError):
        _ = SystemUsersPage(None, OFFLINE).confirm_modal.locators.confirm_buton
    with pytest.raises(AttributeError):
        _ = generations.locators_of("legacy").first_login.task_list  # v7+ onboarding has no place in v5.x


@pytest.mark.unit
def test_the_console_button_is_found_by_its_name_outside_any_dialog_in_every_generation():
    """As a person finds it (it moved into the header without an id in 9.4): its name, not in the confirmation,
    whose own button has the same name. No generation depends on an id."""
    for generation in map(generations.locators_of, UIS):
        button = generation.users_page.revoke_all_button
        assert button.description == f"the {SystemUsersPage.revoke_all_label} button"
        assert (button.by, button.selector) == (
            By.XPATH,
            "//button[normalize-space(.)='Revoke All Sessions']"
            "[not(ancestor::*[(@role='dialog' or @aria-modal='true')])]",
        )


@pytest.mark.unit
def test_the_confirm_modal_is_a_component_whose_parts_are_read_inside_its_root():
    """The root is the modal dialog that offers Cancel (role dialog, or aria-modal on GenericModal); its parts are
    looked up inside it: CSS, or XPath relative to it (an XPath from // would search the whole page)."""
    modal = SystemUsersPage(None, OFFLINE).confirm_modal
    assert isinstance(modal, ConfirmModal) and not hasattr(modal, "path")
    for generation in map(generations.locators_of, UIS):
        locators = generation.confirm_modal
        assert locators.root.by == By.XPATH and "@role='dialog' or @aria-modal='true'" in locators.root.selector
        for part in (locators.title, locators.message, locators.cancel_button, locators.confirm_button):
            assert part.by == By.CSS_SELECTOR or part.selector.startswith(".//"), part
            assert "confirmModal " not in part.selector and "ModalButton" not in part.selector  # no id needed
        assert locators.confirm_button.selector == ".//button[normalize-space(.)='Revoke All Sessions']"


@pytest.mark.unit
def test_the_package_exports_what_it_binds_and_what_the_actors_import():
    """__all__ is exactly the public names the package binds (no stale or forgotten entry), and every name an actor
    takes from the package is among them."""
    package = mattermost_suite.pages
    bound = {name for name, value in vars(package).items() if not name.startswith("_") and not ismodule(value)}
    assert len(package.__all__) == len(set(package.__all__)) and set(package.__all__) == bound
    actors = Path(mattermost_suite.actors.__file__).parent
    imported = {
        alias.name
        for path in actors.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom) and node.module == "mattermost_suite.pages"
        for alias in node.names
    }
    assert imported and imported <= bound, imported - bound


@pytest.mark.browser
def test_the_login_page_goes_through_the_landing_page_once_as_a_person_does(own_server):
    """A browser the web app has not seen meets its landing page; the login page answers it ("View in Browser")
    and is then at the form; a browser expected to meet it and never shown it fails in words."""
    server, config, driver = own_server(ui="current")
    landing_on = Site(config.base_url, "current", config.deadlines, landing_page=LANDING_BROWSERS)
    login = LoginPage(driver, landing_on).open(meets_landing_page=True)
    assert login.met_landing_page and login.current_path() == "/login"
    again = LoginPage(driver, landing_on).open()
    assert not again.met_landing_page, "the web app remembers the answer"
    with pytest.raises(WaitTimeout, match="the landing page did not show in 3 visits of the login page"):
        LoginPage(driver, landing_on).open(meets_landing_page=True)
