"""A browser that never answers a WebDriver command fails its device in one line, within the command timeout, instead
of holding the run forever (Selenium's own default is no timeout): Selenium's real HTTP client against a driver
endpoint that accepts the connection and never answers."""

from __future__ import annotations

import socket
import threading
import time
from types import SimpleNamespace

import pytest
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.remote_connection import RemoteConnection

from mattermost_suite.actors.together import DevicesFailed, blamed_on_browser, on_every_device, results_or_fail
from mattermost_suite.config import load
from mattermost_suite.fleet.drivers import COMMAND_MARGIN, command_timeout

pytestmark = pytest.mark.unit
TIMEOUT = 0.3


@pytest.fixture
def silent_driver():
    """A WebDriver endpoint that accepts connections, reads the requests and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            held.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    yield RemoteConnection(client_config=ClientConfig(url, timeout=TIMEOUT))
    server.close()
    for connection in held:
        connection.close()


def _device(name: str):
    return SimpleNamespace(name=name)


@pytest.mark.parametrize("command", [Command.CLICK_ELEMENT, Command.SCREENSHOT], ids=["POST", "GET retried"])
def test_an_unanswered_command_is_that_devices_one_line_failure(silent_driver, command):
    started = time.monotonic()
    outcomes = on_every_device(
        [_device("Desktop WebKit")],
        lambda device: silent_driver.execute(command, {"sessionId": "s", "id": "e"}),
    )
    seconds = time.monotonic() - started
    with pytest.raises(DevicesFailed) as failed:
        results_or_fail(outcomes, "show the channel")
    assert str(failed.value) == (
        f"1 of 1 devices did not show the channel:\n"
        f"  - Desktop WebKit: the browser did not answer a WebDriver command within {TIMEOUT:g} s"
    )
    assert seconds < 4 * TIMEOUT + 2  # urllib3 retries a GET three times, each within the timeout


def test_the_admins_unanswered_command_names_its_browser(silent_driver):
    class Admin:
        browser = _device("Desktop Chromium (system admin)")

        @blamed_on_browser
        def click(self):
            silent_driver.execute(Command.CLICK_ELEMENT, {"sessionId": "s", "id": "e"})

    with pytest.raises(DevicesFailed) as failed:
        Admin().click()
    assert failed.value.devices == (Admin.browser,)
    assert "did not answer a WebDriver command within" in str(failed.value)


def test_a_gone_driver_is_that_devices_failure_too():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}"  # closed when the block ends: nothing listens there
    gone = RemoteConnection(client_config=ClientConfig(url, timeout=TIMEOUT))
    outcomes = on_every_device(
        [_device("Android phone")], lambda device: gone.execute(Command.SCREENSHOT, {"sessionId": "s"})
    )
    [(_, _, problem)] = outcomes
    assert problem == "its WebDriver endpoint is gone (NewConnectionError)"


def test_the_command_timeout_is_above_every_deadline_of_a_single_command():
    config = load({}, {"page_load_deadline": "120", "element_deadline": "30", "login_deadline": "45"}, env={})
    assert command_timeout(config) == 120 + COMMAND_MARGIN
