"""The landing page's "View in Browser" clicked again when a click left the page where it was (a busy machine's real
web app can still be rendering the link), as a person would; a landing page that keeps coming back still fails,
naming where the browser is."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mattermost_suite.domain import Deadlines, Site
from mattermost_suite.pages import LoginPage, WaitTimeout

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


def _serve(needed: int):
    body = PAGE.replace("NEEDED", str(needed)).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def landing(request):
    server = _serve(request.param)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("landing", [2], indirect=True)
def test_a_click_the_page_did_not_act_on_is_made_again(chrome, landing):
    page = LoginPage(chrome, Site(landing, "current", Deadlines(15, 5, 15, 20, 30))).open()
    assert page.met_landing_page and chrome.execute_script("return window.clicks") == 2


@pytest.mark.parametrize("landing", [1000], indirect=True)
def test_a_landing_page_that_never_lets_go_fails_naming_it(chrome, landing):
    with pytest.raises(WaitTimeout, match=r"waited 12 s for the email or username field; the browser is at /login"):
        LoginPage(chrome, Site(landing, "current", Deadlines(12, 5, 15, 20, 30))).open()
    assert 2 <= chrome.execute_script("return window.clicks") <= 3  # at once, then every 5 s: no hammering
