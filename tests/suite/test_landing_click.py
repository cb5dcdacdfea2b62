"""The landing page's "View in Browser" clicked again when a click left the page where it was (a busy machine's real
web app can still be rendering the link), as a person would; a landing page that keeps coming back still fails,
naming where the browser is."""

from __future__ import annotations

import pytest

from mattermost_suite.domain import Deadlines, Site
from mattermost_suite.pages import LoginPage, WaitTimeout
from tests.support.html_page import serving

pytestmark = pytest.mark.browser

# The real app's markup for what the suite reads: the link in .get-app__buttons, then the login field.
PAGE = """<!DOCTYPE html><html><body><div class="get-app__buttons"><a id="view" href="#">View in Browser</a></div>
<script>
window.clicks = 0;
document.getElementById('view').addEventListener('click', (event) => {
  event.preventDefault();
  window.clicks += 1;
  if (window.clicks >= NEEDED) document.body.innerHTML = '<input id="input_loginId">';
});
</script></body></html>"""


@pytest.fixture
def landing(request):
    with serving(PAGE.replace("NEEDED", str(request.param))) as url:
        yield url


@pytest.mark.parametrize("landing", [2], indirect=True)
def test_a_click_the_page_did_not_act_on_is_made_again(chrome, landing):
    page = LoginPage(chrome, Site(landing, "current", Deadlines(15, 5, 15, 20, 30))).open()
    assert page.met_landing_page and chrome.execute_script("return window.clicks") == 2


@pytest.mark.parametrize("landing", [1000], indirect=True)
def test_a_landing_page_that_never_lets_go_fails_naming_it(chrome, landing):
    with pytest.raises(WaitTimeout, match=r"waited 12 s for the email or username field; the browser is at /login"):
        LoginPage(chrome, Site(landing, "current", Deadlines(12, 5, 15, 20, 30))).open()
    assert 2 <= chrome.execute_script("return window.clicks") <= 3  # at once, then every 5 s: no hammering


# A landing page that comes back at every load, as under the stand-in's fault landing_page_returns: the web app reads
# its configuration (here 1.5 s) before it puts the page back over /login.
RETURNING = """<!DOCTYPE html><html><head><title>Mattermost</title></head><body><script>
const clicks = Number(sessionStorage.getItem('clicks') || 0);
setTimeout(() => {
  history.pushState(null, '', '/landing#/login');
  document.body.innerHTML = '<div class="get-app__buttons"><a href="/login">View in Browser</a></div>';
  document.querySelector('a').addEventListener('click', () => sessionStorage.setItem('clicks', String(clicks + 1)));
}, 1500);
</script></body></html>"""


def test_no_click_is_left_too_late_for_the_page_to_answer_so_the_failure_names_where_it_led(chrome):
    """A click in the deadline's last 5 s would leave the browser loading /login when the wait ends, and the failure
    would name /login instead of the landing page that came back."""
    with serving(RETURNING) as url:
        with pytest.raises(WaitTimeout, match=r"waited 11 s for the email or username field; .*at /landing#/login"):
            LoginPage(chrome, Site(url, "current", Deadlines(11, 5, 15, 20, 30))).open()
        # at once and 5 s later; not 10 s later, with 1 s left
        assert chrome.execute_script("return Number(sessionStorage.getItem('clicks'))") == 2
