"""Each page fault changes, in a real browser, exactly the behaviour it names (current UI; the default
server's behaviour for the same steps is proven in test_standin_browser.py for both generations)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.generations import NEWEST_FIRST

from .browser import CANCEL, CONFIRM, EXPIRED_TEXT, MESSAGES, MODAL, Page, fresh_page
from .helpers import USER_PASSWORD, api, finish_admins_first_login, team_member, token_of

pytestmark = pytest.mark.browser

CHANNEL = "/ad-1/channels/town-square"
CONSOLE = "/admin_console/user_management/users"


@pytest.fixture
def page_with(chrome, make_standin):
    def start(fault: str, ui: str = "current") -> Page:
        server = make_standin(ui=ui, status_poll_seconds=0.5, faults=(fault,))
        finish_admins_first_login(server.url)
        return fresh_page(chrome, server)

    return start


def _member(page: Page) -> dict:
    return team_member(page.server.url)


def _idle_victim_then_revoke(page: Page) -> None:
    user = _member(page)
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    page.visible((By.ID, "channel_view"))
    page.spy()
    assert api("POST", page.server.url, "/users/sessions/revoke/all", token_of(page.server.url)).status_code == 200


def _open_modal_as_admin(page: Page) -> None:
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    page.visible("revoke_all").click()
    page.visible(MODAL)


def test_cancel_revokes(page_with):
    page = page_with("cancel_revokes")
    victim = token_of(page.server.url)
    _open_modal_as_admin(page)
    page.visible(CANCEL).click()
    page.wait(EC.invisibility_of_element_located(MODAL))
    page.wait(
        lambda d: api("GET", page.server.url, "/users/me", victim).status_code == 401,
        "Cancel did not revoke under the fault",
    )


@pytest.mark.parametrize("ui", NEWEST_FIRST)
def test_confirm_wording(page_with, ui):
    page = page_with("confirm_wording", ui)
    _open_modal_as_admin(page)
    body = page.visible("modal_body").text
    assert body and body != MESSAGES[ui]


def test_no_expired_banner(page_with):
    page = page_with("no_expired_banner")
    _idle_victim_then_revoke(page)
    page.wait_path(lambda p: p == "/login?extra=expired", "the victim never reached the login page")
    page.visible("login_id")
    assert page.banners() == [] and EXPIRED_TEXT not in page.driver.page_source


def test_logout_wrong_page(page_with):
    page = page_with("logout_wrong_page")
    _idle_victim_then_revoke(page)
    assert page.wait_path(lambda p: p.startswith("/error"), "no redirect happened") == "/error?type=page_not_found"


def test_idle_never_notices(page_with):
    page = page_with("idle_never_notices")
    _idle_victim_then_revoke(page)
    page.wait(lambda d: sum(r["status"] == 401 for r in page.requests()) >= 2, "the status poll stopped")
    assert page.path() == CHANNEL
    page.driver.refresh()  # a navigation still notices, as on a real server
    page.wait_path(lambda p: p.startswith("/login"), "a reload did not reach the login page")


def test_button_for_non_admin(page_with):
    page = page_with("button_for_non_admin")
    user = _member(page)
    page.form_login(
        user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers"
    )
    page.wait_path(lambda p: p == CONSOLE, "the non-admin was sent away")
    assert page.visible("revoke_all").text == "Revoke All Sessions"


def test_admin_not_logged_out(page_with):
    page = page_with("admin_not_logged_out")
    _open_modal_as_admin(page)
    page.visible(CONFIRM).click()
    page.wait(EC.invisibility_of_element_located(MODAL), "the modal never closed")
    page.wait(lambda d: page.server.store.count_sessions() == 0, "the revoke was not sent")
    assert page.path() == CONSOLE


@pytest.mark.parametrize(
    "ui, screen",
    [
        ("legacy", (By.ID, "tutorialIntroContent")),
        ("transitional", (By.CSS_SELECTOR, "[data-cy='onboarding-task-list-overlay']")),
        ("current", (By.CSS_SELECTOR, "[data-cy='onboarding-task-list-overlay']")),
    ],
)
def test_tutorial_reappears(page_with, ui, screen):
    page = page_with("tutorial_reappears", ui)
    user = _member(page)  # with the preferences that finish the first login, as Mattermost's e2e saves them
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    page.visible(screen)


@pytest.mark.parametrize("ui", NEWEST_FIRST)
def test_modal_body_has_buttons(page_with, ui):
    page = page_with("modal_body_has_buttons", ui)
    _open_modal_as_admin(page)
    body = page.visible("modal_body")
    assert body.text.startswith(MESSAGES[ui]) and "Cancel" in body.text
    assert body.find_elements(*CANCEL) and body.find_elements(*CONFIRM)


@pytest.mark.parametrize("ui", ["current", "transitional"])
def test_admin_stranded_on_preparing_workspace(page_with, ui):
    page = page_with("admin_stranded_on_preparing_workspace", ui)
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    assert (
        page.wait_path(lambda p: p == "/preparing-workspace", "the admin reached the console") == "/preparing-workspace"
    )


def test_admin_stranded_fault_has_no_page_to_strand_on_in_v5(page_with):
    page = page_with("admin_stranded_on_preparing_workspace", "legacy")
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    assert page.visible("revoke_all").text == "Revoke All Sessions"
