"""Browser tests at phone width (a Pixel 7 emulated by Chromium): the web app hides the desktop channel header there
and names the channel in a mobile header of its own (center_channel.tsx: #navbar_wrapper > nav#navbar), whose markup
changed in 10.8.0. The stand-in's own pages of every generation and the real web app must agree."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from mattermost_standin import StandinServer
from tests.support.browser import chromium_available, new_chromium
from tests.support.generations import UIS

from .browser import Page, served, serving
from .helpers import USER_PASSWORD, finish_admins_first_login, team_member

CHANNEL = "/ad-1/channels/town-square"
# What the suite reads as the channel's name (mattermost_suite/pages/locators.py): the first visible match.
TITLE = "#channelHeaderTitle, #navbar .navbar-brand .heading"


@pytest.fixture(scope="module")
def phone():
    if not chromium_available():
        pytest.skip("Chromium/ChromeDriver not installed (scripts/setup installs them)")
    driver = new_chromium(mobile_device="Pixel 7")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module", params=served(*UIS, real_app=True))
def server(request):
    with StandinServer(**serving(request.param, request)) as started:
        finish_admins_first_login(started.url)
        yield started


def _visible_title(page: Page):
    shown = [element for element in page.driver.find_elements(By.CSS_SELECTOR, TITLE) if element.is_displayed()]
    return shown[0] if shown else None


def test_a_phone_shows_the_channel_name_in_the_mobile_header_only(phone, server):
    page = Page(phone, server)
    page.reset()
    user = team_member(server.url)
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    page.wait_path(lambda p: p == CHANNEL, "the user did not land in the channel")
    title = page.wait(lambda d: _visible_title(page), "no channel name is visible at phone width")
    assert title.text == "Town Square"
    assert title.find_elements(By.XPATH, "ancestor::nav[@id='navbar']"), "the name shown is not the mobile header's"
    assert not page.driver.find_element(By.ID, "channel-header").is_displayed(), "the desktop header is shown"
    # Before 10.8 the mobile header has no #channelHeaderTitle; the current generation (and the real app) report 11.2.
    mobile_ids = page.driver.find_elements(By.CSS_SELECTOR, "#navbar #channelHeaderTitle")
    assert bool(mobile_ids) == (server.ui == "current")
