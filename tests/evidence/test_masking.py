import json
import uuid

import pytest
from selenium.common.exceptions import TimeoutException
from urllib3.exceptions import ReadTimeoutError

from mattermost_suite.evidence import attach_failure, attach_json, attach_screenshot
from mattermost_suite.evidence.capture import one_line
from mattermost_suite.evidence.masking import mask_data
from mattermost_suite.secrets import MASK, register

from .fakes import FakeDriver, png

pytestmark = pytest.mark.unit


@pytest.fixture
def secret() -> str:
    value = f"FAKE-{uuid.uuid4().hex}"
    register(value)
    return value


def test_token_bearing_keys_are_blanked_even_when_unregistered():
    data = {
        "id": "s1",
        "token": "unregistered-abc",
        "props": {"csrf": "c-123", "os": "Linux"},
        "password": "p",
        "MMAUTHTOKEN": "x",
        "count": 3,
        "ok": True,
        "none": None,
        "token_empty": "",
    }
    assert mask_data(data) == {
        "id": "s1",
        "token": MASK,
        "props": {"csrf": MASK, "os": "Linux"},
        "password": MASK,
        "MMAUTHTOKEN": MASK,
        "count": 3,
        "ok": True,
        "none": None,
        "token_empty": "",
    }


def test_registered_secret_is_masked_anywhere_in_json(attached, secret):
    attach_json("Sessions before", {"sessions": [{"id": "s1", "note": f"was {secret}"}], secret: "as a key"})
    body = attached.body("Sessions before")
    assert secret not in body and json.loads(body)["sessions"][0]["note"] == f"was {MASK}"


def test_unserialisable_evidence_is_stringified_not_raised(attached, secret):
    attach_json("Odd", {"when": object(), "items": {1, 2}})
    assert json.loads(attached.body("Odd"))["items"] == [1, 2]


def test_failure_evidence_masks_page_source_and_console(attached, secret):
    console = [
        {"level": "SEVERE", "message": f"401 for token {secret}", "timestamp": 1795783380687},
        {"level": "INFO", "message": "MMAUTHTOKEN=abcdef123456; MMCSRF=zzzz9999"},
    ]
    driver = FakeDriver(png(64, 40), source=f'<input id="csrf" value="{secret}"><p>Bearer abc.def</p>', console=console)
    attach_failure(driver, "Desktop Chromium")
    assert attached.names() == [
        "Desktop Chromium - failure screenshot",
        "Desktop Chromium - page source",
        "Desktop Chromium - console log",
    ]
    text = attached.body("Desktop Chromium - page source") + attached.body("Desktop Chromium - console log")
    assert secret not in text and "abcdef123456" not in text and "zzzz9999" not in text and "abc.def" not in text
    assert "SEVERE 401 for token ******" in attached.body("Desktop Chromium - console log")


@pytest.mark.parametrize("browser", ["chrome", "chrome-headless-shell"])
def test_every_chromium_gives_its_console_log(attached, browser):
    console = [{"level": "SEVERE", "message": "GET /api/v4/users/me 401", "timestamp": 1795783380687}]
    attach_failure(FakeDriver(png(8, 8), browser=browser, console=console), "Desktop")
    assert "SEVERE GET /api/v4/users/me 401" in attached.body("Desktop - console log")


@pytest.mark.parametrize("browser", ["firefox", "MiniBrowser"])
def test_console_log_of_other_engines_is_a_note(attached, browser):
    attach_failure(FakeDriver(png(8, 8), browser=browser), "Desktop")
    assert "not available for " + browser in attached.body("Desktop - console log")


def test_failure_evidence_of_a_dead_browser_never_raises(attached):
    class Dead(FakeDriver):
        @property
        def page_source(self):
            raise ConnectionError("Connection refused")

        @page_source.setter
        def page_source(self, _):
            pass

    attach_failure(Dead(None), "Laptop asleep")
    assert "could not be taken" in attached.body("Laptop asleep - failure screenshot (no screenshot)")
    assert "could not be read: ConnectionError" in attached.body("Laptop asleep - page source")


def test_screenshot_is_png_on_the_step(attached):
    assert attach_screenshot(FakeDriver(png(20, 10)), "Admin - login page").ok
    assert attached.calls[0][1].startswith(b"\x89PNG") and attached.calls[0][2].mime_type == "image/png"


def test_error_lines_are_masked_and_short(secret):
    line = one_line(RuntimeError(f"bad token {secret}\nStacktrace:\n#0 0x55"))
    assert secret not in line and "\n" not in line and line.startswith("RuntimeError: bad token")


class _Stuck(FakeDriver):
    """A browser that answers no command: each one ends in `error` (a timeout)."""

    def __init__(self, browser: str, error: Exception):
        super().__init__(png(8, 8), browser=browser)
        self.asked, self.error = 0, error

    def _timeout(self, *args, **kwargs):
        self.asked += 1
        raise self.error

    execute_script = execute = get_screenshot_as_png = _timeout

    @property
    def page_source(self):
        return self._timeout()

    @page_source.setter
    def page_source(self, _):
        pass


STUCK = {
    "no answer within the command timeout": ReadTimeoutError(
        None, "/session/s/screenshot", "Read timed out. (read timeout=60)"
    ),
    "the driver's own deadline": TimeoutException("timeout: Timed out receiving message from renderer: 30.000"),
}


@pytest.mark.parametrize("browser", ["chrome", "firefox"])
@pytest.mark.parametrize("error", STUCK.values(), ids=STUCK.keys())
def test_a_stuck_browsers_failure_evidence_asks_it_one_command(attached, browser, error):
    """Each command would wait out the whole timeout again: a stuck browser held the run for minutes."""
    stuck = _Stuck(browser, error)
    attach_failure(stuck, "Desktop")
    assert stuck.asked == 1
    assert "imed out" in attached.body("Desktop - failure screenshot (no screenshot)")
    for name in ("Desktop - page source", "Desktop - console log"):
        assert attached.body(name).startswith("Not read: the browser did not answer the screenshot's command (")
