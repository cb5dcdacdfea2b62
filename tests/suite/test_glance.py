"""One look at a browser (mattermost_suite/pages/glance.py): one round trip for the URL and many locators, with the
same notion of "visible" as Selenium's WebElement.is_displayed; and the sessions it runs in, which start with their
page-load deadline."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from mattermost_suite.config import load
from mattermost_suite.fleet.drivers import command_timeout, new_driver, quit_driver
from mattermost_suite.fleet.profiles import profile_named
from mattermost_suite.pages import waits
from mattermost_suite.pages.glance import glance
from mattermost_suite.pages.locator import Locator, button_named, css, element_id, xpath

HEADER = css("the channel header title", "#channelHeaderTitle")
TASKS = css("the onboarding task list", "[data-cy='onboarding-task-list-overlay']")
BUTTON = element_id("the Revoke All Sessions button", "revoke-all-users")


class _Scripted:
    """A driver whose every script is answered from a list, and which counts the scripts it was sent."""

    def __init__(self, *answers):
        self.answers, self.sent = list(answers), []

    def execute_script(self, script, *args):
        self.sent.append(args)
        return self.answers.pop(0)


@pytest.mark.unit
def test_one_look_reads_the_url_and_every_locator_in_one_round_trip():
    driver = _Scripted(["http://mm/ad-1/channels/town-square", ["header", None, "button"]])
    seen = glance(driver, [HEADER, TASKS, BUTTON, HEADER])
    assert len(driver.sent) == 1
    within, queries = driver.sent[0]
    # Asked once each, an id as the CSS attribute selector Selenium itself sends for By.ID.
    assert within is None
    assert queries == [
        [By.CSS_SELECTOR, HEADER.selector],
        [By.CSS_SELECTOR, TASKS.selector],
        ["css selector", '[id="revoke-all-users"]'],
    ]
    assert seen.url == "http://mm/ad-1/channels/town-square"
    assert (seen.first(HEADER), seen.shows(TASKS), seen.first(BUTTON)) == ("header", False, "button")


@pytest.mark.unit
def test_a_page_that_navigated_away_during_the_look_is_looked_at_again_by_a_wait():
    """Firefox answers null to a script whose page navigated away: a stale look, never a crash or a "not shown"."""
    with pytest.raises(StaleElementReferenceException):
        glance(_Scripted(None), [HEADER])
    driver = _Scripted(None, ["http://mm/login", [None]], ["http://mm/ad-1/channels/town-square", ["header"]])
    assert waits.until(driver, lambda d: glance(d, [HEADER]).shows(HEADER), 5, "the header") is True
    assert len(driver.sent) == 3


@pytest.mark.unit
def test_a_look_reads_css_and_xpath_only():
    with pytest.raises(ValueError, match="the link"):
        glance(_Scripted(), [Locator("the link", By.LINK_TEXT, "Log in")])


PAGE = """<!doctype html><title>glance</title>
<div id="twice" style="display:none">hidden first</div><div id="twice">shown second</div>
<p class="invisible" style="visibility:hidden">invisible</p>
<span class="empty"></span>
<div style="opacity:0"><b class="transparent">transparent</b></div>
<div class="admin-console__header"><button>Revoke All Sessions</button></div>
<section id="root"><i class="inner">inside</i></section><i class="inner">outside</i>
"""
LOCATORS = (
    element_id("the element with a duplicated id", "twice"),
    css("an invisible paragraph", "p.invisible"),
    css("an empty span", "span.empty"),
    css("a transparent element", "b.transparent"),
    css("nothing at all", "#nowhere"),
    button_named("Revoke All Sessions", within_class="admin-console__header"),
    xpath("the italic text", "//i[@class='inner']"),
)


CONFIG = load({"grid": "off"}, {}, env={})


@pytest.fixture(params=["Desktop Chromium", "Desktop Firefox ESR"])
def browser(request):
    driver = new_driver(profile_named(request.param), CONFIG)
    try:
        driver.get("data:text/html;charset=utf-8," + PAGE)
        yield driver
    finally:
        quit_driver(driver)  # Firefox runs on a copy of the profile template, which goes with it


@pytest.mark.browser
def test_a_look_sees_what_selenium_calls_displayed(browser):
    seen = glance(browser, LOCATORS)
    assert seen.url == browser.current_url
    for locator in LOCATORS:
        expected = next((e for e in browser.find_elements(locator.by, locator.selector) if e.is_displayed()), None)
        assert seen.first(locator) == expected, locator.description
    assert seen.first(LOCATORS[0]).text == "shown second"
    assert [seen.shows(locator) for locator in LOCATORS] == [True, False, False, False, False, True, True]


@pytest.mark.browser
def test_a_look_inside_an_element_matches_only_below_it(browser):
    inner = css("the italic text", "i.inner")
    root = browser.find_element(By.ID, "root")
    assert glance(browser, [inner], within=root).first(inner).text == "inside"
    assert glance(browser, [inner]).first(inner).text == "inside"  # the first in the page is inside the root too
    browser.execute_script("document.getElementById('root').remove()")
    with pytest.raises(StaleElementReferenceException):
        glance(browser, [inner], within=root)


@pytest.mark.browser
def test_the_session_started_with_the_page_load_deadline(browser):
    """Sent as the new session's "timeouts" capability (fleet/drivers.py), not as a command after it. Every later
    command waits at most the command timeout for its answer (Selenium's own default: for ever)."""
    assert browser.timeouts.page_load == CONFIG.deadlines.page_load
    assert browser.command_executor.client_config.timeout == command_timeout(CONFIG) > CONFIG.deadlines.page_load
