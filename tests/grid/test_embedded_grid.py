"""The embedded grid end to end: three engines at once, instant rejection, loopback only, nothing left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.safari.options import Options as SafariOptions

from mattermost_suite.grid import EmbeddedGrid, GridError, capabilities_for, installed_browsers, session_error
from mattermost_suite.grid.processes import session_members
from tests.support.behave_runs import sigint_as_in_a_terminal
from tests.support.constants import CHROMIUM_COMM
from tests.support.grid_watch import (
    kill_survivors,
    non_loopback_mentions,
    non_loopback_sockets,
    process_tree,
    survivors,
)
from tests.support.html_page import serving

ENGINES = ("chromium", "firefox", "webkit")
TITLE = "MM-T940 grid check"
REPO_ROOT = Path(__file__).resolve().parents[2]
# comm names (truncated to 15 characters by the kernel) that prove the watched tree held the real things
EXPECTED_PROCESSES = {
    "java",
    "chromedriver",
    CHROMIUM_COMM,
    "geckodriver_lin",
    "firefox-esr",
    "WebKitWebDriver",
    "MiniBrowser",
    "Xvfb",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        set(installed_browsers()) != set(ENGINES),
        reason="needs Chromium, Firefox ESR and WebKitGTK: run bash scripts/setup",
    ),
]


@pytest.fixture(scope="module")
def page_url():
    with serving(f"<!doctype html><title>{TITLE}</title><p>ok</p>") as url:
        yield url + "/"


def _open_sessions(grid_url: str, browsers, page_url: str) -> list:
    """[(browser, driver)]: one webdriver.Remote per entry, all started at once, each on the test page."""

    def open_one(browser):
        driver = webdriver.Remote(grid_url, options=capabilities_for(browser))
        driver.get(page_url)
        return browser, driver

    with ThreadPoolExecutor(len(browsers)) as pool:
        return list(pool.map(open_one, browsers))


def _tmpdir_of(pid: int) -> str:
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return next(e[7:].decode() for e in environ if e.startswith(b"TMPDIR="))


def _request_unsupported(grid_url: str) -> tuple[str | None, float]:
    started = time.monotonic()
    try:
        webdriver.Remote(grid_url, options=SafariOptions()).quit()
    except WebDriverException as exc:
        return str(session_error(exc, "safari", grid_url)), time.monotonic() - started
    return None, time.monotonic() - started


@pytest.fixture(scope="module")
def matrix_run(page_url, tmp_path_factory):
    """Start the full grid, run every engine concurrently, observe it live, stop it; return what was seen."""
    seen = {"log_dir": tmp_path_factory.mktemp("grid-logs")}
    with EmbeddedGrid(browsers=ENGINES, log_dir=seen["log_dir"]) as grid:
        seen["served"] = grid.served
        sessions = _open_sessions(grid.url, ENGINES, page_url)
        try:
            seen["titles"] = {b: d.title for b, d in sessions}
            seen["tree"] = process_tree(grid.pids)
            seen["bad_sockets"] = non_loopback_sockets(seen["tree"])
            seen["unsupported"] = _request_unsupported(grid.url)
            seen["url"] = grid.url
        finally:
            for _, driver in sessions:
                driver.quit()
    seen["left"] = survivors(seen["tree"])
    return seen


def test_every_engine_loads_the_page_through_the_grid_at_once(matrix_run):
    assert matrix_run["titles"] == {b: TITLE for b in ENGINES}
    assert set(matrix_run["served"]) == set(ENGINES)
    assert all(v[0].isdigit() for v in matrix_run["served"].values()), matrix_run["served"]


def test_unsupported_browser_fails_at_once_with_one_line_naming_browser_and_grid(matrix_run):
    message, seconds = matrix_run["unsupported"]
    assert message and "\n" not in message
    assert "'safari'" in message and matrix_run["url"] in message
    assert seconds < 5, f"took {seconds:.1f} s"


def test_grid_talks_and_listens_on_loopback_only(matrix_run):
    assert matrix_run["bad_sockets"] == []
    assert non_loopback_mentions(matrix_run["log_dir"]) == []


def test_stop_leaves_no_grid_driver_browser_or_display_process(matrix_run):
    started = {comm for comm, _ in matrix_run["tree"].values()}
    assert EXPECTED_PROCESSES <= started, f"watched tree lacks {EXPECTED_PROCESSES - started}"
    assert matrix_run["left"] == []


def test_exception_inside_the_with_block_still_stops_everything(tmp_path, page_url):
    with pytest.raises(RuntimeError, match="scenario failed"):
        with EmbeddedGrid(browsers=("chromium", "webkit"), slots_per_browser=1, log_dir=tmp_path) as grid:
            sessions = _open_sessions(grid.url, ("chromium", "webkit"), page_url)  # never quit: the grid must
            tree = process_tree(grid.pids)
            profiles = _tmpdir_of(grid.pids[-1])
            raise RuntimeError("scenario failed")
    assert len(sessions) == 2 and {CHROMIUM_COMM, "MiniBrowser"} <= {c for c, _ in tree.values()}
    assert survivors(tree) == []
    assert profiles.startswith("/tmp/") and not Path(profiles).exists()


def test_two_webkit_slots_run_as_hub_and_nodes_on_loopback(tmp_path, page_url):
    with EmbeddedGrid(browsers=("webkit",), slots_per_browser=2, log_dir=tmp_path) as grid:
        assert grid.log_file.name == "hub.log"
        sessions = _open_sessions(grid.url, ("webkit", "webkit"), page_url)
        try:
            assert [d.title for _, d in sessions] == [TITLE, TITLE]
            tree = process_tree(grid.pids)
            assert non_loopback_sockets(tree) == []
        finally:
            for _, driver in sessions:
                driver.quit()
    assert [c for c, _ in tree.values()].count("java") == 3  # hub + one node per WebKitWebDriver
    assert survivors(tree) == []
    assert non_loopback_mentions(tmp_path) == []


def test_grid_not_ready_by_the_deadline_names_its_log_and_stops(tmp_path):
    grid = EmbeddedGrid(browsers=("chromium",), log_dir=tmp_path, ready_deadline=0.3)
    with pytest.raises(GridError) as failure:
        grid.start()
    message = str(failure.value)
    assert "\n" not in message and str(tmp_path / "grid.log") in message
    assert grid.pids and session_members(set(grid.pids)) == []


OWNER = """
import sys, threading
from mattermost_suite.grid import EmbeddedGrid
grid = EmbeddedGrid(browsers=("chromium", "webkit"), slots_per_browser=1, log_dir=sys.argv[1])
grid.start()
print(*grid.pids, flush=True)
threading.Event().wait(120)  # the test ends this process with a signal long before
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_owner_ended_by_a_signal_takes_its_grid_down(tmp_path, signum):
    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(tmp_path)],
        cwd=REPO_ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=sigint_as_in_a_terminal,
    )
    tree = {}
    try:
        pids = [int(p) for p in owner.stdout.readline().split()]  # bounded by the grid's ready deadline
        assert pids, "the owner process did not start its grid"
        tree = process_tree(pids)
        owner.send_signal(signum)
        owner.wait(timeout=30)
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.wait()
            kill_survivors(tree)  # the owner failed to stop its grid in time: the test ends what it started
    assert owner.returncode != 0
    assert {"java", "Xvfb", "WebKitWebDriver"} <= {c for c, _ in tree.values()}
    assert survivors(tree) == []
