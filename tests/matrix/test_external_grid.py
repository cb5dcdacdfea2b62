"""Browsers beyond one machine: the default device matrix passes on an external Selenium Grid in distributed mode
(a hub and one node per engine, separate processes started here as another team would start theirs), given to the
suite only as `-D grid_url=...`. The asleep Desktop app proves that CDP goes through hub and node. Every process
the test started is stopped, also when the run fails. The stand-in serves the transitional generation's pages (7.0
to 9.5): the newest and the oldest run the matrix through the embedded grid (test_matrix_runs.py)."""

import re

import pytest

from mattermost_suite.grid import installed_browsers
from mattermost_suite.grid.processes import session_members
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_PASSWORD
from tests.support.distributed_grid import DistributedGrid
from tests.support.grid_watch import non_loopback_mentions, non_loopback_sockets, process_tree, survivors

pytestmark = [
    pytest.mark.acceptance,
    pytest.mark.skipif(
        set(installed_browsers()) != {"chromium", "firefox", "webkit"},
        reason="needs Chromium, Firefox ESR and WebKitGTK: run bash scripts/setup",
    ),
]

UI = "transitional"
STEPS = 30 + 7  # the MM-T940 outline's example that runs, and the non-admin scenario
OUTCOMES = {
    "Desktop Chromium (test user, awake)": "logged out at ",
    "Desktop Firefox ESR (test user, awake)": "logged out at ",
    "Desktop WebKit (test user, awake)": "logged out at ",
    "Android phone (test user, awake)": "logged out at ",
    "iPhone (test user, awake)": "logged out at ",
    "Desktop app (test user, asleep)": "woke at ",
    "iOS app (test user, screen locked)": "its first request after unlocking refused with 401 ",
    "Android app (test user, screen unlocked)": "its poll refused with 401 ",
    "Desktop Chromium (system admin, awake)": "logged out at ",
}
# What each node's log says when it starts a session (Grid 4 LocalNode / relay session factory).
SESSION_CREATED = re.compile(r"Session created by the Node")


def test_the_default_matrix_passes_on_a_distributed_grid_given_by_url(tmp_path):
    grid = DistributedGrid(tmp_path / "grid")
    tree = {}
    try:
        url = grid.start()
        tree = process_tree(grid.pids)
        assert [comm for comm, _ in tree.values()].count("java") == 4, "a hub and three nodes"
        run = run_behave("-D", f"grid_url={url}", "-D", f"standin_ui={UI}", "-D", "standin_status_poll=1", timeout=400)
        tree = process_tree(grid.pids) | tree  # with the drivers and browsers the nodes started meanwhile
        bad_sockets = non_loopback_sockets(tree)
    finally:
        grid.stop()
    output = run.stdout + run.stderr
    assert run.returncode == 0, output + log_tails(tmp_path / "grid")
    steps = run.summary("step")
    assert (steps["passed"], steps["failed"], steps["error"], steps["undefined"]) == (STEPS, 0, 0, 0)
    assert f"browsers on the grid at {url}" in run.stderr, output
    assert f", {UI} web app with the " in output, output[:3000]
    for device, outcome in OUTCOMES.items():
        assert f"MM-T940: outcome: {device}: {outcome}" in run.stderr, output
    assert re.search(r"Desktop app: woke at [\d:.]+ UTC, logged out [\d.]+ s after waking", run.stderr), output
    for node in ("node-chromium", "node-firefox", "node-webkit"):  # every engine ran on its own node
        assert SESSION_CREATED.search((tmp_path / "grid" / f"{node}.log").read_text()), node
    assert "Traceback" not in output and ADMIN_PASSWORD not in output
    assert run.leftovers == []
    assert bad_sockets == [] and non_loopback_mentions(tmp_path / "grid") == []
    assert survivors(tree) == []


def log_tails(folder, lines: int = 40) -> str:
    """The end of every hub and node log, for a failure message: a session a node could not start is told there
    (e.g. a browser driver that exited at start), and CI keeps no other copy."""
    tails = []
    for log in sorted(folder.glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        tails.append(f"\n--- {log.name} (last {len(tail)} lines) ---\n" + "\n".join(tail))
    return "".join(tails)


def test_a_grid_that_fails_to_start_leaves_nothing_behind(tmp_path):
    grid = DistributedGrid(tmp_path / "grid", ready_deadline=0.5)  # too short for any JVM: start() fails
    with pytest.raises(Exception, match="distributed grid"):
        grid.start()
    assert grid.pids, "it had started processes"
    assert session_members(set(grid.pids)) == []
