"""One device's capture (mattermost_suite/evidence/capture.py): the page state beside its screenshot, read in one
script, never with the query string; a state that cannot be read still leaves the screenshot."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from mattermost_suite.evidence.capture import URL_AND_TITLE, capture_device, describe_page

from .fakes import FakeDriver, png

SHOT = png(40, 30)


class _Navigating(FakeDriver):
    """Firefox answers a script with null when its page navigated away while the script ran."""

    def execute_script(self, script, *args):
        return None


@pytest.mark.unit
def test_the_page_state_is_the_title_and_the_path_read_in_one_script():
    driver = FakeDriver(SHOT, url="http://127.0.0.1:8065/login?extra=expired&token=abc", title="  Mattermost ")
    sent = []
    driver.execute_script = lambda script, *args: sent.append(script) or ["http://127.0.0.1:8065/login?t=1", " M "]
    assert describe_page(driver) == "M · /login"
    assert sent == [URL_AND_TITLE]


@pytest.mark.unit
def test_an_untitled_page_at_the_root_is_named_so():
    assert describe_page(FakeDriver(SHOT, url="http://127.0.0.1:8065", title="")) == "(untitled) · /"


@pytest.mark.unit
def test_a_state_that_cannot_be_read_still_leaves_the_screenshot():
    capture = capture_device("Desktop Firefox ESR", _Navigating(SHOT))
    assert capture.png == SHOT
    assert capture.state.startswith("state unknown (ValueError: no page to describe (the browser answered None)")


@pytest.mark.browser
def test_a_real_browser_describes_its_page_as_its_title_and_url_say(chrome, make_standin):
    server = make_standin(host="127.0.0.1", port=0, ui="current")
    chrome.get(f"{server.url}/login?extra=expired")
    assert chrome.title  # the login page has a title, so the check below compares something
    assert describe_page(chrome) == f"{chrome.title} · {urlsplit(chrome.current_url).path}"
    assert describe_page(chrome).endswith(" · /login")
