"""Browser tests (headless Chromium) of what differs between the generations beyond the basics: the ConfirmModal
markup of each era, each era's MFA step, and the console strings in the admin's locale (German)."""

from __future__ import annotations

import pyotp
import pytest
import requests
from selenium.webdriver.common.by import By

from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.generations import UIS

from .browser import MESSAGES, Page
from .helpers import api, skip_first_login

pytestmark = pytest.mark.browser

CONSOLE = "/admin_console/user_management/users"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
GERMAN = {
    "button": "Alle Sitzungen zurückziehen",
    "title": "Alle Sitzungen im System zurückziehen",
    "message": "Diese Aktion zieht alle Sitzungen im System zurück. Alle Benutzer werden von allen Geräten abgemeldet. "
    "Möchtest du wirklich alle Sitzungen zurückziehen?",
    "cancel": "Abbrechen",
}


def _admin_page(chrome, make_standin, **options) -> Page:
    page = Page(chrome, make_standin(**options))
    response = requests.post(
        f"{page.server.url}/api/v4/users/login", json={"login_id": ADMIN_LOGIN, "password": ADMIN_PASSWORD}, timeout=10
    )
    assert response.status_code == 200, response.text
    admin = response.headers["Token"]
    skip_first_login(page.server.url, admin, api("GET", page.server.url, "/users/me", admin).json()["id"])
    page.reset()
    return page


def _open_modal(page: Page):
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    page.wait_path(lambda p: p == CONSOLE, "the admin never reached the console")
    page.visible("revoke_all").click()
    return page.visible((By.ID, "confirmModal"))


def _texts(elements) -> list[str]:
    return [e.text.strip() for e in elements]


def test_transitional_modal_is_the_react_bootstrap_one_with_a_body_id(chrome, make_standin):
    page = _admin_page(chrome, make_standin, ui="transitional")
    modal = _open_modal(page)
    assert "modal-confirm" in modal.get_attribute("class")
    assert (
        modal.find_element(By.CSS_SELECTOR, ".modal-header h1#confirmModalLabel.modal-title").text
        == "Revoke all sessions in the system"
    )
    assert modal.find_element(By.CSS_SELECTOR, ".modal-body#confirmModalBody").text == MESSAGES["transitional"]
    assert _texts(modal.find_elements(By.CSS_SELECTOR, ".modal-footer button")) == ["Cancel", "Revoke All Sessions"]
    assert modal.find_elements(By.CSS_SELECTOR, "button.close, .ConfirmModal__footer, #genericModalLabel") == []


def test_current_modal_keeps_its_buttons_inside_the_modal_body(chrome, make_standin):
    """GenericModal renders ConfirmModal's children (message AND footer) in .modal-body; there is no .modal-footer."""
    page = _admin_page(chrome, make_standin, ui="current")
    modal = _open_modal(page)
    body = modal.find_element(By.CSS_SELECTOR, ".modal-body > .GenericModal__body")
    assert body.find_element(By.CSS_SELECTOR, "#confirmModalBody.ConfirmModal__body").text == MESSAGES["current"]
    footer = body.find_element(By.CSS_SELECTOR, ".ConfirmModal__footer")
    assert _texts(footer.find_elements(By.TAG_NAME, "button")) == ["Cancel", "Revoke All Sessions"]
    assert modal.find_elements(By.CSS_SELECTOR, ".modal-footer") == []
    # So "#confirmModal .modal-body" reads the button words too: only #confirmModalBody is the message.
    after_message = modal.find_element(By.CSS_SELECTOR, ".modal-body").text.split(MESSAGES["current"])[1]
    assert "Cancel" in after_message and "Revoke All Sessions" in after_message
    assert (
        modal.find_element(By.CSS_SELECTOR, ".modal-header h1#genericModalLabel").text
        == "Revoke all sessions in the system"
    )


@pytest.mark.parametrize("ui", UIS)
def test_console_follows_the_admins_locale(chrome, make_standin, ui):
    page = _admin_page(chrome, make_standin, ui=ui, admin_locale="de")
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    page.wait_path(lambda p: p == CONSOLE, "the admin never reached the console")
    button = page.visible((By.XPATH, f"//button[normalize-space()='{GERMAN['button']}']"))
    assert page.driver.find_elements(By.XPATH, "//button[normalize-space()='Revoke All Sessions']") == []
    button.click()
    modal = page.visible((By.ID, "confirmModal"))
    assert modal.find_element(By.CSS_SELECTOR, ".modal-title").text == GERMAN["title"]
    message = "#confirmModal .modal-body" if ui == "legacy" else "#confirmModalBody"
    assert page.visible((By.CSS_SELECTOR, message)).text == GERMAN["message"]
    assert page.visible((By.ID, "cancelModalButton")).text == GERMAN["cancel"]
    assert page.visible((By.ID, "confirmModalButton")).text == GERMAN["button"]


@pytest.mark.parametrize("ui", UIS)
def test_an_mfa_admin_gets_the_token_step_and_is_let_in_with_the_code(chrome, make_standin, ui):
    page = Page(chrome, make_standin(ui=ui, admin_mfa_secret=SECRET))  # first-login screens do not matter here
    page.reset()
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    token = page.visible("mfa_token")
    assert page.path().startswith("/login")
    token.send_keys("000000" if pyotp.TOTP(SECRET).now() != "000000" else "111111")
    page.visible("mfa_submit").click()
    page.wait(
        lambda d: page.path().startswith("/login")
        and page.driver.find_elements(By.CSS_SELECTOR, ".has-error, .AlertBanner.danger"),
        "a wrong token showed no error",
    )
    token = page.visible("mfa_token")
    token.clear()
    token.send_keys(pyotp.TOTP(SECRET).now())
    page.visible("mfa_submit").click()
    page.wait_path(lambda p: p == CONSOLE, "the right token did not let the admin in")
