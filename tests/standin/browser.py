"""The stand-in's pages as its browser tests see them: explicit waits and per-UI locators, on the module's headless
Chromium (the `chrome` fixture of tests/support/fixtures.py)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from mattermost_suite.pages.waits import looked_at_again_when_the_page_moves_on

WAIT_S = 10.0
REAL_APP = "realapp"  # served: Mattermost's own web app (a production build), instead of a generation's own pages
# The real web app (a build served by the stand-in) is about 10 MB of JavaScript and cannot have its 60 s status poll
# shortened: its pages get a slow server's deadline, and an idle page a poll and a margin to notice a revoke.
REAL_APP_WAIT_S = 45.0
REAL_APP_LOGOUT_S = 75.0

# login.tsx, AlertBanner and login_mfa.tsx: the same page in transitional and current.
_NEW_LOGIN = {
    "login_id": (By.ID, "input_loginId"),
    "password": (By.ID, "input_password-input"),
    "submit": (By.ID, "saveSetting"),
    "banner": (By.CSS_SELECTOR, ".AlertBanner.warning .AlertBanner__title"),
    "banner_close": (By.CSS_SELECTOR, ".AlertBanner.warning .AlertBanner__closeButton"),
    "mfa_token": (By.ID, "input_token"),
    "mfa_submit": (By.CSS_SELECTOR, "button.login-mfa-form-button-submit"),
}
# The v5.x-v9.5 console: the button below the users list, the react-bootstrap ConfirmModal's title, the list rows.
_OLD_CONSOLE = {
    "revoke_all": (By.CSS_SELECTOR, "div.admin-console__content > div.pt-3.pb-3 > button#revoke-all-users"),
    "modal_title": (By.CSS_SELECTOR, "#confirmModal.modal-confirm h1#confirmModalLabel.modal-title"),
    "user_rows": (By.CSS_SELECTOR, "div.more-modal__row"),
}
LOCATORS = {
    "current": {
        **_NEW_LOGIN,
        "revoke_all": (
            By.XPATH,
            "//div[contains(@class,'admin-console__header')]/button[normalize-space()='Revoke All Sessions']",
        ),
        "modal_title": (By.CSS_SELECTOR, "#confirmModal h1#genericModalLabel.modal-title"),
        "modal_body": (By.CSS_SELECTOR, "#confirmModal #confirmModalBody.ConfirmModal__body"),
        "user_rows": (By.CSS_SELECTOR, "table#systemUsersTable tbody tr[id^='systemUsersTable-row-']"),
    },
    "transitional": {
        **_NEW_LOGIN,
        **_OLD_CONSOLE,
        "modal_body": (By.CSS_SELECTOR, "#confirmModal #confirmModalBody.modal-body"),
    },
    "legacy": {
        "login_id": (By.ID, "loginId"),
        "password": (By.ID, "loginPassword"),
        "submit": (By.ID, "loginButton"),
        "banner": (By.CSS_SELECTOR, "#login_section div.alert.alert-warning"),
        "banner_close": (By.CSS_SELECTOR, "#login_section div.alert.alert-warning a.btn-close"),
        "mfa_token": (By.CSS_SELECTOR, "#login_section input[name='token']"),
        "mfa_submit": (By.CSS_SELECTOR, "#login_section #saveSetting"),
        **_OLD_CONSOLE,
        "modal_body": (By.CSS_SELECTOR, "#confirmModal .modal-body"),
    },
}
MESSAGES = {
    "current": "This action revokes all sessions in the system. All users will be logged out from all devices, "
    "including your session. Are you sure you want to revoke all sessions?",
    "legacy": "This action revokes all sessions in the system. All users will be logged out from all devices. "
    "Are you sure you want to revoke all sessions?",
}
MESSAGES["transitional"] = MESSAGES["legacy"]
EXPIRED_TEXT = "Your session has expired. Please log in again."
CANCEL, CONFIRM, MODAL = (By.ID, "cancelModalButton"), (By.ID, "confirmModalButton"), (By.ID, "confirmModal")

# Records every fetch the page makes, so a test can prove a click sent (or did not send) a request.
FETCH_SPY = """
window.__requests = [];
const realFetch = window.fetch;
window.fetch = function (url, options) {
  const record = {url: String(url), method: (options && options.method) || 'GET', status: null};
  window.__requests.push(record);
  return realFetch.apply(this, arguments).then((r) => { record.status = r.status; return r; });
};
"""


def served(*uis: str, real_app: bool = False) -> list:
    """Parameters for what a browser test runs on: generations of the stand-in's own pages (tier browser) and, with
    `real_app`, the real web app (tier realapp), which the stand-in's own newest pages must agree with."""
    params = [pytest.param(ui, marks=pytest.mark.browser) for ui in uis]
    return params + [pytest.param(REAL_APP, marks=pytest.mark.realapp)] if real_app else params


def serving(what: str, request) -> dict:
    """StandinServer's arguments for a `served` parameter (the real app's build: the `webapp_build` fixture)."""
    return {"webapp": request.getfixturevalue("webapp_build")} if what == REAL_APP else {"ui": what}


class Page:
    """A driver bound to one server and UI generation."""

    def __init__(self, driver, server):
        self.driver, self.server, self.ui = driver, server, server.ui
        self.loc = LOCATORS[self.ui]
        self.real_app = server.settings.webapp is not None
        self.wait_s = REAL_APP_WAIT_S if self.real_app else WAIT_S
        # How long an idle page may take to notice a revoke: the stand-in's own pages poll as often as it is told.
        self.logout_s = REAL_APP_LOGOUT_S if self.real_app else WAIT_S

    def wait(self, condition, message: str = "", seconds: float | None = None):
        wait = WebDriverWait(self.driver, seconds or self.wait_s, ignored_exceptions=(StaleElementReferenceException,))
        return wait.until(looked_at_again_when_the_page_moves_on(condition), message)

    def visible(self, name_or_locator):
        locator = self.loc[name_or_locator] if isinstance(name_or_locator, str) else name_or_locator
        return self.wait(EC.visibility_of_element_located(locator), f"{locator} never became visible")

    def reset(self) -> None:
        """Fresh browser state for this origin: no cookies (they are per host, not port), no localStorage."""
        self.driver.get(self.server.url + "/static/standin/base.css")
        self.driver.delete_all_cookies()
        self.driver.execute_script("window.localStorage.clear()")

    def open(self, path: str) -> None:
        self.driver.get(self.server.url + path)

    def path(self) -> str:
        return self.driver.execute_script("return window.location.pathname + window.location.search")

    def wait_path(self, predicate, message: str, seconds: float | None = None) -> str:
        self.wait(lambda d: predicate(self.path()), message, seconds)
        return self.path()

    def form_login(self, login_id: str, password: str, path: str = "/login") -> None:
        self.open(path)
        self.visible("login_id").send_keys(login_id)
        self.visible("password").send_keys(password)
        self.visible("submit").click()

    def was_logged_in(self):
        return self.driver.execute_script("return window.localStorage.getItem('was_logged_in')")

    def banners(self):
        return self.driver.find_elements(*self.loc["banner"])

    def spy(self) -> None:
        self.driver.execute_script(FETCH_SPY)

    def requests(self) -> list[dict]:
        return self.driver.execute_script("return window.__requests || []")


def fresh_page(driver, server) -> Page:
    """A page on `server`, the browser holding nothing of its origin (see Page.reset)."""
    page = Page(driver, server)
    page.reset()
    return page
