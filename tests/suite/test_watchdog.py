"""The run's watchdog (mattermost_suite/lifecycle/watchdog.py) on its own: which processes it counts as the run's,
and a parent killed with SIGKILL, with `sleep` processes standing in for browsers (whole behave runs:
test_killed_run.py)."""

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mattermost_suite.lifecycle.watchdog import FOLDER_PREFIX, VARIABLE, Proc, the_runs
from tests.support.constants import ROOT


def proc(pid, ppid, sid, marked=False):
    return Proc(pid, ppid, sid, started=pid, name="p", marked=marked)


@pytest.mark.unit
def test_the_run_is_its_marked_processes_their_descendants_and_the_sessions_they_lead():
    table = {
        p.pid: p
        for p in (
            proc(100, 1, 100),  # the user's shell, leading the terminal's session
            proc(200, 100, 100),  # behave: started before the token existed
            proc(201, 200, 100, marked=True),  # chromedriver (local), in behave's session
            proc(202, 201, 100, marked=True),  # Chromium
            proc(203, 202, 100),  # its zygote: the token overwritten by the process title
            proc(204, 203, 100),  # a renderer
            proc(300, 1, 300, marked=True),  # the grid's Java, re-parented, leading its own session
            proc(301, 1, 300),  # re-parented, the token not visible, in Java's session
            proc(400, 1, 400, marked=True),  # a crashpad handler, daemonised
            proc(500, 100, 100),  # the user's own browser in the same terminal session
            proc(600, 1, 600),  # another run's grid (another token: not marked)
            proc(601, 600, 600),
        )
    }
    sessions = set()
    assert the_runs(table, sessions) == {201, 202, 203, 204, 300, 301, 400}
    assert sessions == {300, 400}  # remembered: a session stays the run's after its leader is gone
    del table[300]
    assert 301 in the_runs(table, sessions)


PARENT = """
import subprocess, sys, tempfile
from mattermost_suite.lifecycle import watchdog
print(watchdog.start().folder, flush=True)
subprocess.run(["sh", "-c", 'echo profile > "$TMPDIR/profile"'], check=True)  # children write into the run's folder
tempfile.mkdtemp(prefix="in-process-")  # and so does this process (the embedded stand-in's data, for one)
pids = [subprocess.Popen(["sleep", "300"]).pid]
shell = subprocess.Popen(["sh", "-c", "env -i sleep 301 & echo $!; wait"], stdout=subprocess.PIPE, text=True)
pids += [shell.pid, int(shell.stdout.readline())]  # env -i: the child shows no token, it descends from one that does
daemon = ["setsid", "sh", "-c", "sleep 302 >/dev/null & echo $!"]  # leaves the session, re-parented once sh exits
pids.append(int(subprocess.run(daemon, stdout=subprocess.PIPE, text=True, timeout=10).stdout))
print(*pids, flush=True)
sys.stdin.read()  # until the test closes stdin (a normal end) or kills this process
"""


def start_parent():
    return subprocess.Popen(
        [sys.executable, "-c", PARENT],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def gone_within(pids, seconds):
    """The pids still alive after `seconds` (each waited for through a pidfd: woken by its exit)."""
    end = time.monotonic() + seconds
    alive = []
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            if not select.select([fd], [], [], max(0.0, end - time.monotonic()))[0]:
                alive.append(pid)
        finally:
            os.close(fd)
    return alive


@pytest.mark.contract  # real processes (sleep standing in for browsers), no browser
def test_a_parent_killed_with_sigkill_leaves_nothing_and_nothing_else_is_touched():
    bystander = subprocess.Popen(["sleep", "303"])  # not the run's: no token
    other_run = subprocess.Popen(["sleep", "304"], env={**os.environ, VARIABLE: "another-run"})
    parent = start_parent()
    try:
        folder = Path(parent.stdout.readline().strip())
        pids = [int(pid) for pid in parent.stdout.readline().split()]
        assert (folder / "profile").read_text() == "profile\n" and list(folder.glob("in-process-*"))
        assert len(pids) == 4 and all(pids), pids
        assert gone_within(pids, 0.2) == pids  # all alive
        parent.send_signal(signal.SIGKILL)
        assert gone_within(pids, 10) == []  # the promise: within 10 s, with nobody running anything
        parent.wait()
        assert "MM-T940: watchdog: behave (pid" in parent.stderr.read()  # returns once the watchdog has exited
        assert not folder.exists()
        assert bystander.poll() is None and other_run.poll() is None
    finally:
        for process in (parent, bystander, other_run):
            process.kill()
            process.wait()


@pytest.mark.contract
def test_after_a_normal_end_the_watchdog_finds_nothing_and_says_nothing():
    parent = start_parent()
    folder = Path(parent.stdout.readline().strip())
    pids = [int(pid) for pid in parent.stdout.readline().split()]
    for pid in pids:  # what a run's clean-up does: end its own processes, and wait until they have exited
        os.kill(pid, signal.SIGKILL)
    # A SIGKILLed process exits when the kernel next runs it: on a busy machine it can still show as running
    # after kill() returns, and the watchdog would rightly end it.
    assert gone_within(pids, 10) == []
    parent.stdin.close()
    assert parent.wait(timeout=10) == 0
    assert parent.stderr.read() == ""  # the watchdog holds the same stderr: read() returns once it has exited
    assert not folder.exists()


@pytest.mark.contract
def test_the_watchdog_removes_no_folder_but_a_run_folder(tmp_path):
    """A wrong command line ends with a usage line and touches nothing."""
    done = subprocess.run(
        [sys.executable, "-m", "mattermost_suite.lifecycle.watchdog", "token", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and FOLDER_PREFIX in done.stderr
    assert tmp_path.is_dir()
