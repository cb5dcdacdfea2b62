"""Run a command as a child subreaper and list what it leaves behind, without relying on any environment marker.

    python tests/support/orphans.py REPORT -- COMMAND...

Every process the command starts and abandons (a daemon that double-forks, a browser whose parent died) is
re-parented to this process instead of to init (PR_SET_CHILD_SUBREAPER), so once COMMAND has exited, whatever is
still alive below this process was started by it, whatever its environment says. After a grace period for the ones
still shutting down, they are written to REPORT, one "pid command line" per line (empty file: none), and left running
for the caller to see. The exit code is COMMAND's. SIGINT and SIGTERM are passed on to COMMAND, which runs in a
session of its own so that a terminal's Ctrl-C reaches it once, through this process.

As a prefix for tests.support.behave_runs.run_behave: `inside=reaping_orphans(report)`; then `orphans(report)`.
"""

from __future__ import annotations

import ctypes
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
GRACE = 10.0  # seconds for processes still ending when COMMAND exits (as behave_runs.processes_with allows)


def reaping_orphans(report: Path) -> tuple[str, ...]:
    """The command prefix that runs a command under this module and writes its orphans to `report`."""
    return (sys.executable, str(Path(__file__).resolve()), str(report), "--")


def orphans(report: Path) -> list[str]:
    """What the run left behind; fails if the report is missing (the check must not pass by not running)."""
    assert report.exists(), f"{report} was not written: the run did not go through {Path(__file__).name}"
    return [line for line in report.read_text().splitlines() if line]


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        sys.stderr.write(f"usage: {Path(__file__).name} REPORT -- COMMAND...\n")
        return 2
    report, command = Path(argv[0]), argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")
    child = subprocess.Popen(command, start_new_session=True)

    def pass_on(signum, _frame):
        if child.returncode is None:
            os.kill(child.pid, signum)

    signal.signal(signal.SIGINT, pass_on)
    signal.signal(signal.SIGTERM, pass_on)
    while child.returncode is None:  # reaps the orphans that end meanwhile, too
        pid, status = os.waitpid(-1, 0)
        if pid == child.pid:
            child.returncode = os.waitstatus_to_exitcode(status)
    left = _left_after(time.monotonic() + GRACE)
    report.write_text("".join(f"{pid} {_command(pid)}\n" for pid in left))
    return child.returncode


def _left_after(deadline: float) -> list[int]:
    """Live descendants of this process once they have all ended or the deadline has passed."""
    while True:
        _reap()
        left = _descendants()
        remaining = deadline - time.monotonic()
        if not left or remaining <= 0:
            return left
        fds = []
        try:
            for pid in left:
                try:
                    fds.append(os.pidfd_open(pid))
                except OSError:  # already gone
                    pass
            if len(fds) == len(left):
                select.select(fds, [], [], remaining)  # woken by the first exit (no polling)
        finally:
            for fd in fds:
                os.close(fd)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _descendants(root: int | None = None) -> list[int]:
    """Live descendants of `root` (default: this process), also those whose parent has already exited (a zombie
    not yet reaped, or a browser's main thread gone while its other threads and its children still run)."""
    parents: dict[int, int] = {}
    dead: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        if fields[0] == "Z" and _threads(entry) <= 1:
            dead.add(int(entry.name))
    found, todo = [], [os.getpid() if root is None else root]
    while todo:
        parent = todo.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found.extend(children)
        todo.extend(children)
    return sorted(set(found) - dead)


def _threads(proc: Path) -> int:
    try:
        return len(os.listdir(proc / "task"))
    except OSError:
        return 0


def below(root: int) -> list[tuple[int, str]]:
    """(pid, command name) of every live process below `root`, e.g. below this tool while the command runs."""
    found = []
    for pid in _descendants(root):
        try:
            found.append((pid, Path(f"/proc/{pid}/comm").read_text().strip()))
        except OSError:  # ended meanwhile
            pass
    return found


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
