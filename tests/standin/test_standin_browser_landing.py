"""The landing page of the stand-in's newest pages, as the real app shows it (components/root/root.tsx,
linking_landing_page): a browser it has not seen meets it once before anything else, "View in Browser" goes on to
the page it was sent from, and the next visit goes straight there; never in the desktop app. Browsers here start
without the landing page counted as seen (tests/support/browser.py)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from mattermost_suite.fleet.profiles import profile_named
from tests.support.browser import chromium_available, new_chromium

from .helpers import IPHONE_UA

pytestmark = pytest.mark.browser

VIEW_IN_BROWSER = (By.XPATH, "//div[contains(@class, 'get-app__buttons')]//a[normalize-space(.)='View in Browser']")
LOGIN_FORM = (By.ID, "input_loginId")
WAIT_S = 10


@pytest.fixture
def unseen_browser():
    if not chromium_available():
        pytest.skip("Chromium/ChromeDriver not installed (scripts/setup installs them)")
    driver = new_chromium(landing_page_seen=False)
    try:
        yield driver
    finally:
        driver.quit()


def _shown(driver, locator):
    return WebDriverWait(driver, WAIT_S).until(EC.visibility_of_element_located(locator))


def test_a_new_browser_meets_the_landing_page_once_and_goes_on_in_the_browser(standin, unseen_browser):
    driver = unseen_browser
    driver.get(standin.url + "/login")
    _shown(driver, VIEW_IN_BROWSER)
    assert driver.current_url == standin.url + "/landing#/login"
    assert "Where would you like to view this?" in driver.find_element(By.CSS_SELECTOR, ".get-app").text
    driver.find_element(*VIEW_IN_BROWSER).click()
    _shown(driver, LOGIN_FORM)
    assert driver.current_url == standin.url + "/login"
    driver.get(standin.url + "/login")
    _shown(driver, LOGIN_FORM)
    assert not driver.find_elements(*VIEW_IN_BROWSER), "the landing page is shown once per browser"


def test_the_desktop_app_never_meets_the_landing_page(standin, unseen_browser):
    driver = unseen_browser
    agent = profile_named("Desktop app").user_agent
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": agent})
    driver.get(standin.url + "/login")
    _shown(driver, LOGIN_FORM)
    assert "/landing" not in driver.current_url


def test_a_server_with_the_desktop_landing_page_off_shows_it_to_no_browser(make_standin, unseen_browser):
    server = make_standin(ui="current", config={"ServiceSettings.EnableDesktopLandingPage": False})
    driver = unseen_browser
    driver.get(server.url + "/login")
    _shown(driver, LOGIN_FORM)
    assert driver.current_url == server.url + "/login" and not driver.find_elements(*VIEW_IN_BROWSER)


def test_the_landing_page_fault_brings_it_back_after_view_in_browser(make_standin, unseen_browser):
    server = make_standin(ui="current", faults=("landing_page_returns",))
    driver = unseen_browser
    driver.get(server.url + "/login")
    _shown(driver, VIEW_IN_BROWSER).click()
    _shown(driver, VIEW_IN_BROWSER)
    assert driver.current_url == server.url + "/landing#/login"


@pytest.mark.parametrize(
    "version, wrapped", [("8.1.0", "div.get-app__status > a.btn-default.get-app__continue"), ("9.5.0", None)]
)
def test_v7_and_later_send_a_desktop_browser_there_with_the_link_of_their_release(
    make_standin, unseen_browser, version, wrapped
):
    """Desktop browsers meet the page since 7.3; its "View in Browser" sat in div.get-app__status up to 9.1."""
    server = make_standin(version=version)
    driver = unseen_browser
    driver.get(server.url + "/login")
    link = _shown(driver, VIEW_IN_BROWSER)
    assert driver.current_url == server.url + "/landing#/login"
    assert bool(driver.find_elements(By.CSS_SELECTOR, f".get-app__buttons > {wrapped}")) if wrapped else True
    assert link.get_attribute("class") == (
        "btn btn-default btn-lg get-app__continue" if wrapped else "btn btn-tertiary btn-lg"
    )
    link.click()
    _shown(driver, LOGIN_FORM)


def test_v5_sends_only_a_phones_browser_there(make_standin, unseen_browser):
    """components/root/root.jsx of v5: only Android and iOS browsers, to their app's page."""
    server = make_standin(ui="legacy")
    driver = unseen_browser
    driver.get(server.url + "/login")
    _shown(driver, (By.ID, "loginId"))
    assert "/landing" not in driver.current_url, "a desktop browser met the v5 landing page"
    driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": IPHONE_UA})
    driver.get(server.url + "/login")
    _shown(driver, VIEW_IN_BROWSER)
    assert driver.current_url == server.url + "/landing#/login"
