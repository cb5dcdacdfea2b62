"""behave killed with SIGKILL at a chosen moment, and what is left of it afterwards.

The run goes through the orphan finder (orphans.py, a child subreaper): everything the run starts stays below the
finder whatever its environment says (Chromium's helpers overwrite theirs), and the finder exits only once all of
it is gone, or after its grace, listing what is left. The moment comes from behave's live output (a step's line, a
line the clean-up prints) and, where a line cannot mark it, from the process table below the finder.

At the moment behave is first frozen (SIGSTOP, sent by the thread that reads its output, as the line arrives), so
that what runs then can be recorded before the SIGKILL: behave runs nothing in between, as if killed right then
(its clean-up, for one, would otherwise go on quitting browsers while the table is read).
"""

from __future__ import annotations

import os
import queue
import select
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mattermost_suite import poll
from mattermost_suite.grid.processes import tcp_sockets
from mattermost_suite.lifecycle.watchdog import FOLDER_PREFIX, process_table, the_runs

from .behave_runs import processes_with, start_behave
from .orphans import below, orphans, reaping_orphans

FINDER_DEADLINE = 30.0  # the finder's own grace is 10 s; this only bounds a broken test


@dataclass
class Killed:
    alive: list[tuple[int, str]]  # (pid, command name) below the finder when behave was killed
    listening: list[int]  # TCP ports the run listened on then
    folders: list[str]  # the run's temporary folders then (TMPDIR of its processes: browser profiles, grid files)
    token_shown: Counter  # command names of the processes whose environment showed the run's token then
    not_taken: list[tuple[int, str]]  # processes of the run the watchdog's rules would not have taken then
    ended_after: float  # seconds from the SIGKILL until every process behave had started was gone
    seconds: float  # from the SIGKILL until nothing was left, the watchdog itself included (the finder exited)
    left: list[str]  # the finder's report: what outlived behave after its grace
    marked: list[str]  # processes still carrying the run's environment marker
    output: str  # behave's output (stderr included), with the watchdog's line

    def names(self) -> Counter:
        return Counter(name for _, name in self.alive)


class KilledRun:
    """`with KilledRun(tmp_path, *behave_args, env=...) as run: run.wait_for(...); killed = run.kill_behave()`.
    Leaving the block ends whatever is still running of it (a failed wait, or leftovers the finder listed)."""

    def __init__(self, folder: Path, *args: str, env: dict[str, str] | None = None):
        self.report = folder / "orphans.txt"
        self.process, self.marker = start_behave(*args, env=env, inside=reaping_orphans(self.report))
        self.lines: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stop_on: Callable[[str], bool] | None = None
        self._behave: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if self._stop_on is not None and self._stop_on(line):
                self._stop_on = None
                self.stop_behave()
            self.lines.append(line)
            self._lines.put(line)
        self._lines.put(None)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, wanted: Callable[[str], bool], deadline: float, what: str) -> str:
        """The first line of behave's output from here on for which `wanted` is true."""
        end = time.monotonic() + deadline
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, end - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {what} within {deadline:g} s:\n{self.output}") from None
            if line is None:
                raise AssertionError(f"behave ended before {what}:\n{self.output}")
            if wanted(line):
                return line

    def stop_at(self, wanted: Callable[[str], bool], deadline: float, what: str) -> str:
        """Freeze behave as the first line for which `wanted` is true arrives; returns the line."""
        self._behave = poll.until(self._find_behave, 60, 0.05, "behave started")
        self._stop_on = wanted
        return self.wait_for(wanted, deadline, what)

    def stop_behave(self) -> None:
        try:
            os.kill(self.behave_pid(), signal.SIGSTOP)
        except (AssertionError, ProcessLookupError):
            pass  # behave has ended already: the wait for the line says so

    def wait_for_process(self, names: Iterable[str], deadline: float) -> list[tuple[int, str]]:
        """Poll the process table below the finder until a process with one of these command names runs."""
        names = set(names)
        return poll.until(lambda: [p for p in below(self.process.pid) if p[1] in names], deadline, 0.05, str(names))

    def behave_pid(self) -> int:
        """behave: the finder's child that runs `-m behave` (the finder cannot reap it while it lives, so the PID
        stays its own until then)."""
        if self._behave is None:
            self._behave = self._find_behave()
        if self._behave is None:
            raise AssertionError(f"behave is not running:\n{self.output}")
        return self._behave

    def _find_behave(self) -> int | None:
        """The finder's child that runs `-m behave` (daemons re-parented to the finder are its children too)."""
        for pid, _ in below(self.process.pid):
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if parent == self.process.pid and b"behave" in argv:
                return pid
        return None

    def kill_behave(self) -> Killed:
        """Freeze behave (if a line has not already), record what runs, SIGKILL behave alone (nothing else is
        signalled), then wait until the finder reports."""
        pid = self.behave_pid()
        os.kill(pid, signal.SIGSTOP)
        alive = below(self.process.pid)
        listening = sorted({s["local"][1] for s in tcp_sockets([p for p, _ in alive]) if s["listening"]})
        folders = sorted({folder for p, _ in alive if FOLDER_PREFIX in (folder := _variable(p, b"TMPDIR"))})
        # What the watchdog's own rules take, from the same table: everything below behave, by token or otherwise.
        watchdog = next(p for p, name in alive if _argv(p)[1:3] == [b"-m", b"mattermost_suite.lifecycle.watchdog"])
        table = process_table(_argv(watchdog)[3].decode())
        taken = the_runs(table, set())
        token_shown = Counter(name for p, name in alive if p in table and table[p].marked)
        # A child of behave caught between fork and exec (starting a driver) still runs behave's program with behave's
        # first environment, without the run's token: it takes the token with the exec, and the rules take it then.
        forks = {p for p, _ in alive if p in table and table[p].ppid == pid and _argv(p) == _argv(pid)}
        not_taken = [
            (p, name) for p, name in alive if p not in taken and p not in (pid, watchdog, *forks) and p in table
        ]
        held = _pidfds(p for p, _ in alive if p not in (pid, watchdog))
        start = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        ended_after = _all_exited(held, start + FINDER_DEADLINE) - start
        self.process.wait(timeout=FINDER_DEADLINE)
        seconds = time.monotonic() - start
        self._reader.join(timeout=FINDER_DEADLINE)
        return Killed(
            alive,
            listening,
            folders,
            token_shown,
            not_taken,
            ended_after,
            seconds,
            orphans(self.report),
            processes_with(self.marker),
            self.output,
        )

    def __enter__(self) -> KilledRun:
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:  # a wait failed: behave is still running; the watchdog must end the rest
            behave = self._find_behave()  # afresh: a PID remembered from before may be free again
            if behave is not None:
                os.kill(behave, signal.SIGKILL)
            try:
                self.process.wait(timeout=FINDER_DEADLINE)
            except subprocess.TimeoutExpired:
                self.process.kill()  # the finder itself: our child
                self.process.wait()
        for line in orphans(self.report) if self.report.exists() else []:
            try:
                os.kill(int(line.split()[0]), signal.SIGKILL)  # listed by the finder as below it moments ago
            except ProcessLookupError:
                pass


def _pidfds(pids: Iterable[int]) -> list[int]:
    fds = []
    for pid in pids:
        try:
            fds.append(os.pidfd_open(pid))
        except OSError:  # ended already
            pass
    return fds


def _all_exited(fds: list[int], deadline: float) -> float:
    """Block until every process (pidfd) has exited or the deadline passes; returns the monotonic time then."""
    waiting = select.poll()
    for fd in fds:
        waiting.register(fd, select.POLLIN)
    left = set(fds)
    try:
        while left and (remaining := deadline - time.monotonic()) > 0:
            for fd, _ in waiting.poll(remaining * 1000):  # woken by an exit
                waiting.unregister(fd)
                left.discard(fd)
        return time.monotonic()
    finally:
        for fd in fds:
            os.close(fd)


def _argv(pid: int) -> list[bytes]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return []


def _variable(pid: int, name: bytes) -> str:
    """A variable of a process's environment as it started ("" if none, or unreadable)."""
    try:
        entries = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return ""
    return next((e[len(name) + 1 :].decode(errors="replace") for e in entries if e.startswith(name + b"=")), "")


def ports_taken(ports: Iterable[int]) -> list[int]:
    """Of `ports`, those that something still listens on, or that a new server (SO_REUSEADDR) cannot bind."""
    taken = []
    for port in ports:
        probe = socket.socket()
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
        except OSError:
            taken.append(port)
        finally:
            probe.close()
    return taken
