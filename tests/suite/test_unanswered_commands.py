"""A browser that never answers a WebDriver command fails its device in one line, within the command timeout, instead
of holding the run forever (Selenium's own default is no timeout): Selenium's real HTTP client against a driver
endpoint that accepts the connection and never answers."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import pytest
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.remote_connection import RemoteConnection
from urllib3.exceptions import MaxRetryError

from mattermost_suite.actors.together import DevicesFailed, blamed_on_browser, on_every_device, results_or_fail
from mattermost_suite.config import load
from mattermost_suite.fleet.drivers import COMMAND_MARGIN, answer_once_within, command_timeout

pytestmark = pytest.mark.unit
TIMEOUT = 0.3


class SilentDriver:
    """A WebDriver endpoint that accepts connections (the kernel completes them) and never answers a request."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.taken: list[socket.socket] = []

    def connections(self) -> int:
        """How many connections the client opened so far: one per attempt at a command."""
        self.server.setblocking(False)
        while True:
            try:
                self.taken.append(self.server.accept()[0])
            except BlockingIOError:
                return len(self.taken)

    def close(self) -> None:
        for connection in [*self.taken, self.server]:
            connection.close()


@pytest.fixture
def silent():
    endpoint = SilentDriver()
    yield endpoint
    endpoint.close()


@pytest.fixture
def silent_driver(silent):
    """Selenium's own connection to it, set up as the suite sets up every browser's (fleet/drivers.py)."""
    connection = RemoteConnection(client_config=ClientConfig(silent.url))
    answer_once_within(SimpleNamespace(command_executor=connection), TIMEOUT)
    return connection


def _device(name: str):
    return SimpleNamespace(name=name)


@pytest.mark.parametrize("command", [Command.CLICK_ELEMENT, Command.SCREENSHOT], ids=["POST", "GET"])
def test_an_unanswered_command_is_that_devices_one_line_failure_and_is_sent_once(silent, silent_driver, command):
    outcomes = on_every_device(
        [_device("Desktop WebKit")],
        lambda device: silent_driver.execute(command, {"sessionId": "s", "id": "e"}),
    )
    with pytest.raises(DevicesFailed) as failed:
        results_or_fail(outcomes, "show the channel")
    assert str(failed.value) == (
        f"1 of 1 devices did not show the channel:\n"
        f"  - Desktop WebKit: the browser did not answer a WebDriver command within {TIMEOUT:g} s"
    )
    # Selenium's HTTP client sends an unanswered GET four times by itself: four times the deadline for a stuck browser
    assert silent.connections() == 1


def test_selenium_alone_would_send_an_unanswered_get_four_times(silent):
    """Why answer_once_within exists: if a Selenium release stops retrying, this fails and the setting can go."""
    connection = RemoteConnection(client_config=ClientConfig(silent.url, timeout=TIMEOUT))
    with pytest.raises(MaxRetryError):
        connection.execute(Command.SCREENSHOT, {"sessionId": "s"})
    assert silent.connections() == 4


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
    gone = RemoteConnection(client_config=ClientConfig(url))
    answer_once_within(SimpleNamespace(command_executor=gone), TIMEOUT)
    outcomes = on_every_device(
        [_device("Android phone")], lambda device: gone.execute(Command.SCREENSHOT, {"sessionId": "s"})
    )
    [(_, _, problem)] = outcomes
    assert problem == "its WebDriver endpoint is gone (NewConnectionError)"


def test_the_command_timeout_is_above_every_deadline_of_a_single_command():
    config = load({}, {"page_load_deadline": "120", "element_deadline": "30", "login_deadline": "45"}, env={})
    assert command_timeout(config) == 120 + COMMAND_MARGIN
