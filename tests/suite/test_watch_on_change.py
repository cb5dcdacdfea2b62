"""A long watch looks again when the page changes (a DOM change, a navigation), or after LOOK_AGAIN_AFTER of quiet:
it sees every change with a fraction of the looks that polling every POLL_SECONDS takes, and still fails at its
deadline, not before. (The looks are counted; how fast is for benchmarks, not for a test on a shared machine.)"""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By

from mattermost_suite.pages import WaitTimeout
from mattermost_suite.pages.waits import LOOK_AGAIN_AFTER, POLL_SECONDS, until
from tests.support.html_page import serving

pytestmark = pytest.mark.browser

# Every path answers this page: at "/" it changes its DOM at 2.5 s, sets a variable no observer sees at 1.5 s, and
# navigates to /next at 3 s when asked to (?go).
PAGE = """<!DOCTYPE html><html><body><div id="root">waiting</div><script>
setTimeout(() => { window.flag = true; }, 1500);
setTimeout(() => { document.getElementById('root').innerHTML = '<p id="late">here</p>'; }, 2500);
if (location.search === '?go') setTimeout(() => { location.href = '/next'; }, 3000);
</script></body></html>"""


class Looks:
    """A condition that counts how often it was looked at."""

    def __init__(self, condition):
        self.condition, self.count = condition, 0

    def __call__(self, driver):
        self.count += 1
        return self.condition(driver)


@pytest.fixture
def page(chrome):
    with serving(PAGE) as url:
        yield chrome, url


def test_a_dom_change_is_seen_at_once_with_a_few_looks(page):
    driver, url = page
    driver.get(url)
    looks = Looks(lambda d: d.find_elements(By.ID, "late"))
    assert until(driver, looks, 10, "the late paragraph", on_change=True)
    assert looks.count <= 6 < 2.5 / POLL_SECONDS, looks.count  # polling would have looked some 25 times


def test_a_navigation_is_a_change(page):
    driver, url = page
    driver.get(url + "/?go")
    looks = Looks(lambda d: d.current_url.endswith("/next"))
    assert until(driver, looks, 10, "/next", on_change=True)
    assert looks.count <= 8, looks.count


def test_a_change_no_observer_sees_is_seen_after_a_quiet_second(page):
    driver, url = page
    driver.get(url)
    looks = Looks(lambda d: d.execute_script("return window.flag === true"))
    assert until(driver, looks, 10, "the flag", on_change=True)
    assert looks.count <= 1.5 / LOOK_AGAIN_AFTER + 2, looks.count  # looked at again after each quiet second


def test_the_deadline_still_ends_the_watch_naming_what_it_waited_for(page):
    driver, url = page
    driver.get(url)
    looks = Looks(lambda d: d.find_elements(By.ID, "never"))
    started = time.monotonic()
    with pytest.raises(WaitTimeout, match=r"waited 2 s for the missing paragraph; the browser is at /"):
        until(driver, looks, 2, "the missing paragraph", on_change=True)
    assert time.monotonic() - started >= 2 and looks.count <= 5, looks.count
