"""What the grid tests (and the matrix test, and benchmarks/grid_bench.py) watch: the process tree a grid started,
its TCP sockets, and its logs (all from /proc)."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

from mattermost_suite.grid.processes import all_pids, is_loopback, owner_of, tcp_sockets

# Links printed inside Selenium's error texts; they are never fetched.
DOCUMENTATION_HOSTS = {"www.selenium.dev"}
LOOPBACK_NAMES = {"localhost", "[::1]"}
URL_HOST = re.compile(r"\b(?:https?|wss?|tcp)://(\[[0-9a-fA-F:.]+\]|[^/:\s\"'\\,)}\]]+)")
IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")
SELENIUM_MANAGER = re.compile(r"Selenium ?Manager|selenium-manager", re.IGNORECASE)


def _stat(pid: int) -> tuple[str, int, int, str] | None:
    """(state, ppid, session id, start time) of a live process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    f = text[text.rindex(")") + 2 :].split()
    return f[0], int(f[1]), int(f[3]), f[19]


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def process_tree(roots) -> dict[int, tuple[str, str]]:
    """pid -> (command, start time) for the roots, their descendants, every member of their sessions, and every
    process carrying their owner tag (daemons such as chrome_crashpad_handler leave both tree and session)."""
    roots = set(roots)
    stats = {pid: s for pid in all_pids() if (s := _stat(pid))}
    children: dict[int, list[int]] = {}
    for pid, (_, ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    found = {pid for pid, s in stats.items() if s[2] in roots}
    todo, seen = [r for r in roots if r in stats], set()
    while todo:  # descendants that left the session (setsid) are still ours
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo.extend(children.get(pid, []))
    found |= seen
    tags = {owner_of(r) for r in roots} - {None}
    found |= {pid for pid in stats if owner_of(pid) in tags}
    return {pid: (_comm(pid), stats[pid][3]) for pid in found if pid in stats}


def survivors(tree: dict[int, tuple[str, str]]) -> list[str]:
    """Processes of a recorded tree that are still alive (same PID and start time, not a zombie)."""
    left = []
    for pid, (comm, started) in tree.items():
        s = _stat(pid)
        if s and s[3] == started and s[0] != "Z":
            left.append(f"{comm}({pid})")
    return left


def kill_survivors(tree: dict[int, tuple[str, str]]) -> None:
    """A failing test still ends what it started: SIGKILL every process of the recorded tree still alive (the same
    PID and start time, so a reused PID is never hit)."""
    for pid, (_, started) in tree.items():
        s = _stat(pid)
        if s and s[3] == started and s[0] != "Z":
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def non_loopback_sockets(pids) -> list[str]:
    """Listening sockets not bound to loopback, and connections to a non-loopback peer."""
    bad = []
    for s in tcp_sockets(list(pids)):
        ip = s["local"][0] if s["listening"] else s["remote"][0]
        if not is_loopback(ip) and not (not s["listening"] and ip in ("0.0.0.0", "::")):
            bad.append(f"pid {s['pid']} {'listens on' if s['listening'] else 'talks to'} {ip}")
    return bad


def non_loopback_mentions(log_dir: Path) -> list[str]:
    """Every non-loopback host or IPv4 address, and any Selenium Manager line, in the grid's logs."""
    bad = []
    for log in sorted(log_dir.glob("*.log")):
        for n, line in enumerate(log.read_text(errors="replace").splitlines(), 1):
            hosts = [
                h
                for h in URL_HOST.findall(line)
                if not (is_loopback(h.strip("[]")) or h in LOOPBACK_NAMES or h in DOCUMENTATION_HOSTS)
            ]
            ips = [
                ".".join(m)
                for m in IPV4.findall(line)
                if all(int(o) <= 255 for o in m) and m[0] != "127" and ".".join(m) != "0.0.0.0"
            ]
            if hosts or ips or SELENIUM_MANAGER.search(line):
                bad.append(f"{log.name}:{n}: {line.strip()[:160]}")
    return bad
