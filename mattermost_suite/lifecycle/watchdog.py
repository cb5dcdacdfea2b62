"""The run's watchdog: when behave is gone, however it ended, no process it started is left running.

    python -m mattermost_suite.lifecycle.watchdog TOKEN FOLDER   (started by fixtures.run_watchdog, first in before_all)

Why a process of its own: `finally`, atexit and signal handlers all run inside behave, and a SIGKILL (`kill -9`,
the OOM killer, a CI job's timeout) runs none of them. Only another process can clean up after that, and only one
that does not die with behave: the watchdog runs in a session of its own, so neither a terminal's Ctrl-C nor a kill
of behave's process group reaches it. PR_SET_PDEATHSIG is no substitute: it fires when the parent *thread* exits
(the browsers are started from worker threads that end long before the run), and it reaches direct children only,
not the browsers that chromedriver, geckodriver, WebKitWebDriver or the grid's Java start.

How it learns of behave's death at once: a pidfd of its parent (pidfd_open), which becomes readable the moment the
parent exits; the watchdog blocks in poll() on it, with no timeout and no polling loop. It checks that the parent
is still its parent after opening the pidfd (if behave died first, the PID could already name another process).

How it finds the run's processes, and only them:
- Before starting anything, behave puts VARIABLE=<token> into os.environ; the token is random per run. Every process
  the run starts inherits it: the grid's Java, Xvfb, WebKitWebDriver, chromedriver and geckodriver (local or started
  by the grid), the browsers they launch, Chromium's crashpad handlers that daemonise into sessions of their own.
  /proc/<pid>/environ shows the environment a process started with, so they are found by the exact entry.
- Chromium's zygote, renderer, GPU and utility processes overwrite that block with their process title, so /proc no
  longer shows the token: they are found as descendants of a process that shows it, and by session (each of the
  grid's children leads a session of its own and shows the token).
- Processes of other users cannot be read and are never touched; another run has another token; a process without
  the token is taken only when it descends from, or shares the session led by, one with the token.
The run's processes are stopped (SIGSTOP) and the process table is read again until no new one appears (a stopped
process cannot fork), then all are killed (SIGKILL) through pidfds, so a PID reused meanwhile is never signalled.
Descendants are followed through a parent that has exited but is not reaped yet (a zombie).
Then it removes the run's temporary folder (FOLDER, the TMPDIR of every child and of behave itself: the browsers'
profiles, the grid's files, the embedded stand-in's data), which a killed run would otherwise leave behind, tens of
megabytes each time.
On a normal end behave has already stopped everything: the watchdog finds nothing, says nothing and exits. If it
had to end something it says so in one line on its stderr (behave's), naming what it ended.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

VARIABLE = "MM_SUITE_RUN"
ARMED = b"armed\n"
FOLDER_PREFIX = "mm-t940-run-"  # the only kind of folder the watchdog ever removes
STOP_DEADLINE = 5.0  # seconds for stopping the run's processes (normally a few milliseconds: two or three rounds)
KILL_DEADLINE = 8.0  # seconds from behave's death until everything must be gone (the promise is 10 s)


# -- behave's side ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Watchdog:
    token: str
    folder: str  # the run's temporary folder (TMPDIR of every child)
    process: subprocess.Popen  # never waited for: it outlives this process by design

    def remove_folder(self) -> None:
        """At a normal end, once every process of the run has ended."""
        shutil.rmtree(self.folder, ignore_errors=True)


class WatchdogError(RuntimeError):
    """The watchdog did not start (one line)."""


def start(ready_deadline: float = 10.0) -> Watchdog:
    """Start the watchdog of this process and, once it watches, give this process's future children the token and
    the run's temporary folder (TMPDIR), which this process's own temporary files use too. Call it before starting
    any process: one started earlier has neither."""
    token = f"{os.getpid()}-{uuid.uuid4().hex}"
    folder = tempfile.mkdtemp(prefix=FOLDER_PREFIX)
    process = subprocess.Popen(
        [sys.executable, "-m", __name__, token, folder],
        cwd=Path(__file__).resolve().parents[2],  # the checkout: `-m` imports the package from there
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        ready, _, _ = select.select([process.stdout], [], [], ready_deadline)
        answer = os.read(process.stdout.fileno(), len(ARMED)) if ready else b""
    finally:
        process.stdout.close()
    if answer != ARMED:
        process.kill()  # our own child, by its Popen: it never got to watch anything
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)
        raise WatchdogError(f"the run's watchdog did not start within {ready_deadline:g} s")
    os.environ[VARIABLE] = token
    os.environ["TMPDIR"] = folder
    # This process's own temporary files too (the embedded stand-in's data): tempfile has read TMPDIR already.
    tempfile.tempdir = folder
    return Watchdog(token, folder, process)


# -- the watchdog's side ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    sid: int
    started: int  # clock ticks after boot: with the PID, names one process for good
    name: str
    marked: bool  # shows VARIABLE=<token> in /proc/<pid>/environ
    exited: bool = False  # a zombie with no thread left: nothing to end, but its children still count


def process_table(token: str) -> dict[int, Proc]:
    """Every process but this one, read from /proc."""
    entry = f"{VARIABLE}={token}".encode()
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        info = _stat(int(name))
        if info is None:
            continue
        state, ppid, sid, started, comm = info
        try:
            marked = entry in Path(f"/proc/{name}/environ").read_bytes().split(b"\0")
        except OSError:  # another user's process, or gone
            marked = False
        table[int(name)] = Proc(int(name), ppid, sid, started, comm, marked, state == "Z" and _no_threads(name))
    return table


def _no_threads(pid: str) -> bool:
    """A zombie leader whose other threads still run (a browser while it exits) is alive; one without is not."""
    try:
        return len(os.listdir(f"/proc/{pid}/task")) <= 1
    except OSError:
        return True


def _stat(pid: int) -> tuple[str, int, int, int, str] | None:
    """(state, ppid, session id, start time, command name), or None if the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # the command name may contain spaces and parentheses
    return fields[0], int(fields[1]), int(fields[3]), int(fields[19]), text[text.index("(") + 1 : text.rindex(")")]


def the_runs(table: dict[int, Proc], sessions: set[int]) -> set[int]:
    """The run's processes in `table`: marked ones, members of `sessions` or of a session a marked one leads, and
    every descendant of those. Adds the sessions led by marked processes to `sessions` (kept across rounds)."""
    sessions |= {p.pid for p in table.values() if p.marked and p.sid == p.pid}
    found = {p.pid for p in table.values() if p.marked or p.sid in sessions}
    children: dict[int, list[int]] = {}
    for p in table.values():
        children.setdefault(p.ppid, []).append(p.pid)
    todo = list(found)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class _Held:
    """The run's processes, each held by a pidfd opened while the process was verified to be the one seen."""

    def __init__(self):
        self.fds: dict[int, int] = {}  # pid -> pidfd
        self.names: dict[int, str] = {}

    def take(self, proc: Proc) -> bool:
        try:
            fd = os.pidfd_open(proc.pid)
        except OSError:  # gone already
            return False
        again = _stat(proc.pid)
        if again is None or again[3] != proc.started:  # the PID names another process now
            os.close(fd)
            return False
        self.fds[proc.pid], self.names[proc.pid] = fd, proc.name
        return True

    def signal(self, pids, sig: int) -> None:
        for pid in pids:
            try:
                signal.pidfd_send_signal(self.fds[pid], sig)
            except OSError:  # exited meanwhile
                pass

    def wait_gone(self, deadline: float) -> list[int]:
        """Block until every held process has exited or the deadline passes; returns those still alive."""
        waiting = select.poll()
        left = {fd: pid for pid, fd in self.fds.items()}
        for fd in left:
            waiting.register(fd, select.POLLIN)
        while left and (remaining := deadline - time.monotonic()) > 0:
            for fd, _ in waiting.poll(remaining * 1000):  # woken by an exit, never by a clock
                waiting.unregister(fd)
                left.pop(fd, None)
        return sorted(left.values())

    def close(self) -> None:
        for fd in self.fds.values():
            os.close(fd)


def end_run(
    token: str, folder: str | None = None, deadline_seconds: float = KILL_DEADLINE
) -> tuple[dict[int, str], list[int]]:
    """Stop every process of the run until no new one appears, kill them all, remove `folder` while they exit (the
    kernel takes a while to tear big browsers down), wait until they are gone.
    Returns ({pid: name} of those ended, pids still alive at the deadline)."""
    start = time.monotonic()
    held, sessions = _Held(), set()
    try:
        while time.monotonic() < start + min(STOP_DEADLINE, deadline_seconds):
            table = process_table(token)
            new = [table[pid] for pid in the_runs(table, sessions) if pid not in held.fds and not table[pid].exited]
            taken = [proc.pid for proc in new if held.take(proc)]
            if not taken:
                break  # every member is stopped: none can start another
            held.signal(taken, signal.SIGSTOP)
        held.signal(held.fds, signal.SIGKILL)  # from here on none of them runs a single instruction more
        remover = threading.Thread(target=shutil.rmtree, args=(folder or "", True))
        if folder:
            remover.start()
        alive = held.wait_gone(start + deadline_seconds)
        if folder:
            remover.join()
            shutil.rmtree(folder, ignore_errors=True)  # what a process still in a system call wrote meanwhile
        return dict(held.names), alive
    finally:
        held.close()


def watch_parent() -> int:
    """Block until the parent process exits; return its PID."""
    parent = os.getppid()
    try:
        fd = os.pidfd_open(parent)
    except OSError:
        return parent  # gone already
    try:
        if os.getppid() != parent:  # it died before the pidfd was opened: the fd may name another process
            return parent
        os.write(1, ARMED)
        _to_devnull(1)  # behave waits for this line only: close its pipe
        waiting = select.poll()
        waiting.register(fd, select.POLLIN)
        waiting.poll()  # no timeout: the parent's exit is the only thing that ends this wait
        return parent
    finally:
        os.close(fd)


def _to_devnull(fd: int) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).name.startswith(FOLDER_PREFIX):
        print(f"usage: python -m mattermost_suite.lifecycle.watchdog TOKEN .../{FOLDER_PREFIX}*", file=sys.stderr)
        return 2
    token, folder = argv
    parent = watch_parent()
    ended, alive = end_run(token, folder)
    if ended:
        counts = ", ".join(f"{n} {name}" for name, n in Counter(ended.values()).most_common())
        _tell(f"MM-T940: watchdog: behave (pid {parent}) is gone; ended what it left running: {counts}")
    if alive:
        _tell(f"MM-T940: watchdog: still alive after SIGKILL (stuck in the kernel?): {', '.join(map(str, alive))}")
    return 0


def _tell(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:  # nobody reads behave's stderr any more
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
