"""One device's capture (mattermost_suite/evidence/capture.py): the page state beside its screenshot, read in one
script, never with the query string; a state that cannot be read still leaves the screenshot; an emulated phone's
screenshot at CSS pixels, showing what its device pixels show; a desktop's through DevTools, the same as WebDriver's."""

from __future__ import annotations

import base64
import io
from urllib.parse import urlsplit

import pytest
from PIL import Image
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from mattermost_suite import poll
from mattermost_suite.config import load
from mattermost_suite.evidence.capture import URL_AND_TITLE, capture_device, describe_page, full_window_png
from mattermost_suite.fleet.drivers import new_driver, quit_driver
from mattermost_suite.fleet.profiles import profile_named

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
    # The login page names itself once it has rendered ("Log in - Mattermost" since 10.9): compare after that.
    WebDriverWait(chrome, 10).until(lambda driver: driver.find_elements(By.ID, "input_loginId"))
    assert chrome.title == "Log in - Mattermost"  # so the check below compares something
    assert describe_page(chrome) == f"{chrome.title} · {urlsplit(chrome.current_url).path}"
    assert describe_page(chrome).endswith(" · /login")


class _Chromium(FakeDriver):
    """A ChromeDriver session: a viewport of `ratio` device pixels per CSS pixel, and DevTools screenshots."""

    def __init__(self, ratio: float, cdp_error: Exception | None = None):
        super().__init__(SHOT)
        self.capabilities = {"browserName": "chrome-headless-shell", "goog:chromeOptions": {}}
        self.ratio, self.cdp_error, self.sent = ratio, cdp_error, []
        self.command_executor = type("Executor", (), {"_commands": {}, "add_command": lambda *a: None})()

    def execute_script(self, script, *args):
        self.sent.append("script")
        return [0, 120, 390, 844, 1, self.ratio]

    def execute(self, command, params=None):
        self.sent.append(params["cmd"])
        self.params = params["params"]
        if self.cdp_error:
            raise self.cdp_error
        return {"value": {"data": base64.b64encode(b"devtools").decode()}}

    def get_screenshot_as_png(self):
        self.sent.append("webdriver screenshot")
        return super().get_screenshot_as_png()


@pytest.mark.unit
def test_a_chromium_screenshot_comes_through_devtools_fast_and_a_phone_s_at_css_pixels():
    phone, desktop = _Chromium(ratio=3), _Chromium(ratio=1)
    assert full_window_png(phone) == full_window_png(desktop) == b"devtools"
    assert phone.sent == desktop.sent == ["script", "Page.captureScreenshot"]
    assert phone.params == {
        "format": "png",
        "optimizeForSpeed": True,
        "clip": {"x": 0, "y": 120, "width": 390, "height": 844, "scale": 1 / 3},
    }
    assert desktop.params == {"format": "png", "optimizeForSpeed": True}  # the whole window, as WebDriver takes it


@pytest.mark.unit
def test_without_devtools_a_browser_gets_webdriver_s_screenshot():
    refused = _Chromium(ratio=3, cdp_error=WebDriverException("unknown command: goog/cdp/execute"))
    assert full_window_png(refused) == SHOT and refused.sent[-1] == "webdriver screenshot"
    firefox = FakeDriver(SHOT, browser="firefox")
    assert full_window_png(firefox) == SHOT  # no script, no DevTools: FakeDriver would refuse another script


PAINT_DEADLINE = 10.0  # seconds for a loaded machine to paint the whole phone screen


def bands(viewport_meta: str) -> str:
    return f"""<!DOCTYPE html><html><head>{viewport_meta}</head><body style="margin:0">
<div style="height:600px;background:rgb(220,0,0)"></div><div style="height:600px;background:rgb(0,180,0)"></div>
<div style="height:3000px;background:rgb(0,0,220)"></div></body></html>"""


@pytest.mark.browser
@pytest.mark.parametrize("phone", ["Android phone", "iPhone"])
@pytest.mark.parametrize(
    "viewport_meta",
    ['<meta name="viewport" content="width=device-width, initial-scale=1">', ""],
    ids=["device width, as Mattermost sets it", "no viewport tag: zoomed out"],
)
def test_a_phone_screenshot_at_css_pixels_shows_what_its_device_pixels_show(phone, viewport_meta):
    driver = new_driver(profile_named(phone), load({"grid": "off"}, {}, env={}))
    try:
        driver.get("data:text/html;charset=utf-8," + bands(viewport_meta))
        driver.execute_script("window.scrollTo(0, 450)")  # the red band's last 150 px, then green, then blue
        zoom, ratio = driver.execute_script("return [visualViewport.scale, devicePixelRatio]")
        assert ratio > 1  # the profile emulates a phone, so the CSS-pixel path is the one under test

        def painted_to_the_bottom() -> Image.Image | None:
            # On a loaded machine a zoomed-out page's last tiles can still be unpainted (grey) at the first picture.
            shot = Image.open(io.BytesIO(full_window_png(driver))).convert("RGB")
            return shot if shot.getpixel((shot.width // 2, shot.height - 2)) == (0, 0, 220) else None

        css = poll.try_until(painted_to_the_bottom, PAINT_DEADLINE, 0.2)
        assert css is not None, f"the page was not painted to its bottom within {PAINT_DEADLINE} s"
        native = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    finally:
        quit_driver(driver)
    assert abs(css.width - native.width / ratio) <= 1 and abs(css.height - native.height / ratio) <= 1
    x = css.width // 2
    for edge in (600, 1200):  # either side of each band's edge, in the screen's pixels
        for y in (round((edge - 450) * zoom) - 6, round((edge - 450) * zoom) + 6):
            assert css.getpixel((x, y)) == native.getpixel((round(x * ratio), round(y * ratio))), (edge, y)
    assert css.getpixel((x, 2)) == (220, 0, 0)


@pytest.mark.browser
def test_a_desktop_chromium_screenshot_through_devtools_is_webdriver_s_pixel_for_pixel(chrome):
    chrome.get("data:text/html;charset=utf-8," + bands(""))
    chrome.execute_script("window.scrollTo(0, 450)")
    fast = Image.open(io.BytesIO(full_window_png(chrome))).convert("RGB")
    plain = Image.open(io.BytesIO(chrome.get_screenshot_as_png())).convert("RGB")
    assert fast.size == plain.size
    assert fast.tobytes() == plain.tobytes()
