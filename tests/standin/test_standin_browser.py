"""Browser tests (headless Chromium), every UI generation: the expired-session banner rule, the automatic
logout of an idle page, and the Revoke All Sessions modal's Cancel and Confirm. Users here have finished their
first login (the preferences Mattermost's e2e saves); test_standin_browser_first_login.py covers the screens.

The same checks run on the real web app (a production build of Mattermost's own web app served by the stand-in,
tier `realapp`): the stand-in's own `current` pages and the real app must pass the same checks, so that they cannot
drift apart."""

from __future__ import annotations

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from mattermost_standin import StandinServer
from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.generations import NEWEST_FIRST

from .browser import CANCEL, CONFIRM, EXPIRED_TEXT, MESSAGES, MODAL, Page, fresh_page, served, serving
from .helpers import USER_PASSWORD, api, finish_admins_first_login, login, team_member, token_of

CHANNEL = "/ad-1/channels/town-square"
CONSOLE = "/admin_console/user_management/users"


@pytest.fixture(scope="module", params=served(*NEWEST_FIRST, real_app=True))
def server(request):
    # A short status poll makes the stand-in's own idle page notice a revoke within a second (real default: 60 s).
    with StandinServer(status_poll_seconds=0.5, **serving(request.param, request)) as started:
        finish_admins_first_login(started.url)
        yield started


@pytest.fixture
def page(chrome, server):
    return fresh_page(chrome, server)


def _team_member(server) -> dict:
    return team_member(server.url)


def _open_console_as_admin(page: Page) -> None:
    _reach_console_as_admin(page)
    page.visible("revoke_all")


def _reach_console_as_admin(page: Page) -> None:
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=" + requests.utils.quote(CONSOLE, safe=""))
    page.wait_path(lambda p: p == CONSOLE, "the admin never reached the console")


def test_form_login_sets_the_flag_and_honours_redirect_to(page):
    page.open(CHANNEL)
    path = page.wait_path(lambda p: p.startswith("/login?"), "an anonymous visit was not sent to the login page")
    assert path == "/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square"
    page.visible("login_id")
    assert page.banners() == [] and page.was_logged_in() is None
    user = _team_member(page.server)
    page.visible("login_id").send_keys(user["username"])
    page.visible("password").send_keys(USER_PASSWORD)
    page.visible("submit").click()
    page.wait_path(lambda p: p == CHANNEL, "login did not honour redirect_to")
    assert page.visible((By.ID, "channelHeaderTitle")).text == "Town Square"
    page.visible((By.ID, "sidebarItem_town-square"))
    page.visible((By.ID, "channel_view"))
    assert page.was_logged_in() == "true"
    assert page.driver.title == "Town Square - AD 1 Mattermost"


def test_idle_page_is_logged_out_by_itself_and_sees_the_banner(page):
    user = _team_member(page.server)
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    page.visible((By.ID, "channel_view"))
    page.spy()
    assert api("POST", page.server.url, "/users/sessions/revoke/all", token_of(page.server.url)).status_code == 200
    # The forced logout reloads the root, which sends a browser without a user to the login page; that page rewrites
    # its URL (adds extra=expired) once it has asked users/me (store/index.ts, login.tsx): wait for that rewrite.
    path = page.wait_path(
        lambda p: p.startswith("/login") and "extra=" in p, "the idle page never noticed the revoke", page.logout_s
    )
    assert path == "/login?extra=expired"
    assert page.visible("banner").text.strip().startswith(EXPIRED_TEXT)
    # login.tsx reworded the page titles in 10.9.0: the stand-in's current generation and the real app report 11.2.0.
    expired = "* Session Expired - Mattermost" if page.ui == "current" else "* Mattermost - Session Expired"
    assert page.was_logged_in() == "true" and page.driver.title == expired
    page.visible("banner_close").click()
    page.wait(lambda d: page.banners() == [], "the banner did not close")
    assert page.was_logged_in() == "false"


def test_bare_extra_expired_visit_shows_no_banner(page):
    page.open("/login?extra=expired")
    page.visible("login_id")
    assert page.banners() == []
    title = "Log in - Mattermost" if page.ui == "current" else "Mattermost"
    page.wait(lambda d: d.title == title, f"the login page's title is {page.driver.title!r}, not {title!r}")


def test_api_cookie_login_is_logged_out_without_the_banner(page):
    response = login(page.server.url, ADMIN_LOGIN, ADMIN_PASSWORD)
    for name, value in response.cookies.items():
        page.driver.add_cookie({"name": name, "value": value, "path": "/"})
    page.open(CHANNEL)
    page.visible((By.ID, "channel_view"))
    assert api("POST", page.server.url, "/users/sessions/revoke/all", response.headers["Token"]).status_code == 200
    page.wait_path(lambda p: p == "/login", "the idle page never noticed the revoke", page.logout_s)
    page.visible("login_id")
    assert page.banners() == [] and page.was_logged_in() is None


def test_console_renders_the_generations_button_and_list(page):
    _open_console_as_admin(page)
    button = page.visible("revoke_all")
    assert button.text == "Revoke All Sessions"
    if page.ui == "current":
        assert button.get_attribute("id") == "" and button.get_attribute("class") == "btn btn-tertiary btn-danger"
        header = page.visible((By.ID, "systemUsersTable-headerId"))
        assert header.text == "Mattermost Users"
    else:
        assert button.get_attribute("type") == "button" and button.get_attribute("class") == "btn btn-default"
        page.visible((By.ID, "searchUsers"))
        assert page.visible((By.ID, "userListRowName0")).text.startswith("@")
    assert len(page.driver.find_elements(*page.loc["user_rows"])) >= 1


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
def test_modal_cancel_closes_and_sends_nothing(page, how):
    victim = token_of(page.server.url)
    _open_console_as_admin(page)
    page.spy()
    page.visible("revoke_all").click()
    if how == "close" and page.ui != "current":
        # The react-bootstrap ConfirmModal (v5.x-v9.x) is rendered with closeButton={false}: there is no × to close it
        # with.
        page.visible(MODAL)
        assert page.driver.find_elements(By.CSS_SELECTOR, "#confirmModal button.close") == []
        return
    assert page.visible("modal_title").text == "Revoke all sessions in the system"
    assert page.visible("modal_body").text == MESSAGES[page.ui]
    assert page.visible(CONFIRM).text == "Revoke All Sessions" and "btn-danger" in page.visible(CONFIRM).get_attribute(
        "class"
    )
    if how == "cancel":
        page.visible(CANCEL).click()
    elif how == "escape":
        page.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    else:
        page.visible((By.CSS_SELECTOR, "#confirmModal button.close")).click()
    page.wait(EC.invisibility_of_element_located(MODAL), "the modal did not close")
    assert page.driver.find_elements(*MODAL) == []
    assert [r for r in page.requests() if "revoke" in r["url"]] == []
    assert page.path() == CONSOLE
    assert api("GET", page.server.url, "/users/me", victim).status_code == 200


def test_confirm_revokes_everything_and_admin_lands_on_login_without_banner(page):
    victim = token_of(page.server.url, device_id="android_rn:victim")
    _open_console_as_admin(page)
    page.visible("revoke_all").click()
    page.visible(CONFIRM).click()
    page.wait_path(lambda p: p == "/login", "the admin was not sent to the login page")
    page.visible("login_id")
    assert page.banners() == [] and page.was_logged_in() == "false"
    assert api("GET", page.server.url, "/users/me", victim).status_code == 401
    assert page.server.store.count_sessions() == 0


def test_non_admin_is_sent_away_from_the_console(page):
    user = _team_member(page.server)
    page.form_login(
        user["username"], USER_PASSWORD, path="/login?redirect_to=" + requests.utils.quote(CONSOLE, safe="")
    )
    page.wait_path(lambda p: p == CHANNEL, "a non-admin was not redirected away from the console")
    page.visible((By.ID, "channel_view"))
    assert page.driver.find_elements(*page.loc["revoke_all"]) == []


@pytest.mark.browser
def test_9_4_and_9_5_put_the_button_in_the_header_over_the_old_list_with_the_new_wording(chrome):
    """The transitional generation's last releases: the header RevokeSessionsButton (no id) and "..., including
    your session." came in 9.4.0, the redesigned list only in 9.6.0."""
    with StandinServer(version="9.5.0", status_poll_seconds=0.5) as server:
        finish_admins_first_login(server.url)
        assert server.ui == "transitional"
        page = fresh_page(chrome, server)
        _reach_console_as_admin(page)
        button = page.visible((By.XPATH, "//div[@class='admin-console__header']/button"))
        assert (button.text, button.get_attribute("id")) == ("Revoke All Sessions", "")
        assert button.get_attribute("class") == "btn btn-tertiary btn-danger"
        assert page.driver.find_elements(By.ID, "revoke-all-users") == []
        page.visible((By.ID, "searchUsers"))  # the old list
        button.click()
        assert page.visible("modal_body").text == MESSAGES["current"]
        page.visible(CANCEL).click()
        page.wait(EC.invisibility_of_element_located(MODAL), "the modal did not close")
