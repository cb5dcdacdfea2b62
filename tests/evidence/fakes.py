"""Stand-ins for WebDriver and for Allure's attach, so unit tests need no browser and no formatter."""

from __future__ import annotations

import io
import threading

from PIL import Image
from selenium.common.exceptions import WebDriverException

from mattermost_suite.evidence.capture import URL_AND_TITLE


def png(width: int, height: int, color=(30, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, format="PNG")
    return out.getvalue()


class FakeDriver:
    """Answers like a WebDriver; `barrier` makes a screenshot wait until all devices are shooting at once."""

    def __init__(
        self,
        shot: bytes | None = None,
        url="http://127.0.0.1:8065/login?extra=1",
        title="Mattermost",
        browser="chrome",
        source="<html></html>",
        console=(),
        barrier: threading.Barrier | None = None,
    ):
        self.shot, self.current_url, self.title = shot, url, title
        self.capabilities = {"browserName": browser}
        self.page_source, self.console, self.barrier = source, list(console), barrier

    def get_screenshot_as_png(self) -> bytes:
        if self.barrier is not None:
            self.barrier.wait()  # raises BrokenBarrierError if the screenshots were taken one after another
        if self.shot is None:
            raise WebDriverException("chrome not reachable\n  (Session info: chrome=156.0)")
        return self.shot

    def execute_script(self, script, *args):
        assert script == URL_AND_TITLE, f"unexpected script: {script}"  # the evidence only asks what the page is
        return [self.current_url, self.title]

    def execute(self, command, params=None):
        return {"value": self.console}


class AttachRecorder:
    """Records allure.attach calls: (name, body, attachment_type)."""

    def __init__(self):
        self.calls: list[tuple[str, object, object]] = []

    def __call__(self, body, name=None, attachment_type=None, extension=None):
        self.calls.append((name, body, attachment_type))

    def names(self) -> list[str]:
        return [name for name, _, _ in self.calls]

    def body(self, name: str):
        return next(body for n, body, _ in self.calls if n == name)
