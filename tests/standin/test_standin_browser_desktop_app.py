"""The desktop app on the stand-in's pages, as on the real app (utils/browser_history.tsx, utils/desktop_api.ts): in a
desktop app of version 5 or newer the web app navigates through the desktop app's window.desktopAPI; a page that says
"Electron" without it stays where it is. The suite's Desktop app row gets the desktop app's object
(mattermost_suite/fleet/desktop_app.js)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from mattermost_suite.fleet.profiles import profile_named
from tests.support.browser import chromium_available, new_chromium

from .browser import Page
from .helpers import USER_PASSWORD, team_member

pytestmark = pytest.mark.browser

DESKTOP_APP = profile_named("Desktop app")
NOT_MOVING_S = 3  # the same page load and redirect take well under a second with the desktop app's object


@pytest.fixture
def desktop_app_window():
    if not chromium_available():
        pytest.skip("Chromium/ChromeDriver not installed (scripts/setup installs them)")
    drivers = []

    def start(with_desktop_api: bool):
        driver = new_chromium()
        drivers.append(driver)
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": DESKTOP_APP.user_agent})
        if with_desktop_api:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DESKTOP_APP.preload_source})
        return driver

    yield start
    for driver in drivers:
        driver.quit()


def test_the_desktop_app_logs_in_through_its_desktop_api(standin, desktop_app_window):
    page = Page(desktop_app_window(with_desktop_api=True), standin)
    user = team_member(standin.url)
    page.form_login(user["username"], USER_PASSWORD)
    page.visible((By.ID, "channel_view"))
    assert page.path() == "/ad-1/channels/town-square"


def test_a_window_that_says_electron_without_the_desktop_app_stays_on_the_login_page(standin, desktop_app_window):
    page = Page(desktop_app_window(with_desktop_api=False), standin)
    user = team_member(standin.url)
    page.form_login(user["username"], USER_PASSWORD)
    page.wait(lambda d: d.execute_script("return window.localStorage.getItem('was_logged_in')") == "true")
    with pytest.raises(TimeoutException):  # logged in, and asking a desktop app that is not there to move on
        WebDriverWait(page.driver, NOT_MOVING_S).until(lambda d: page.path() != "/login")
