"""Child processes of the grid: started in their own session, found and ended through /proc (no psutil).

Every child is a session leader (start_new_session=True), so everything it spawns (chromedriver, Chromium,
geckodriver, Firefox, MiniBrowser and its helpers) shares its session id even after being re-parented.
A few daemonise into a session of their own (Chromium's chrome_crashpad_handler does setsid + double fork);
they still inherit the environment, so every child also carries an owner tag (OWNER_VARIABLE=<token>).
Ending the children therefore means: signal every process of their sessions or with their tag, wait until
none is left, reap the children.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from mattermost_suite import poll

POLL = 0.05  # seconds between /proc scans while waiting for processes to exit
OWNER_VARIABLE = "MM_SUITE_GRID_OWNER"


def new_owner_token() -> str:
    return f"{os.getpid()}-{uuid.uuid4().hex[:12]}"


def spawn(argv: list[str], log: Path, owner: str, env: dict | None = None, pass_fds: tuple = ()) -> subprocess.Popen:
    env = {**(os.environ if env is None else env), OWNER_VARIABLE: owner}
    with open(log, "ab") as out:  # the child keeps its own descriptor
        return subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            pass_fds=pass_fds,
            start_new_session=True,
        )


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, ppid, session id) of a process, or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (OSError, ValueError):
        return None
    fields = text[text.rindex(")") + 2 :].split()  # the command name may contain spaces and parentheses
    return fields[0], int(fields[1]), int(fields[3])


def all_pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def session_members(sids: set[int]) -> list[int]:
    """Live (non-zombie) processes whose session id is one of `sids`."""
    members = []
    for pid in all_pids():
        info = _stat(pid)
        if info and info[2] in sids and info[0] != "Z":
            members.append(pid)
    return members


def owner_of(pid: int) -> str | None:
    """The owner tag in a process's environment (as it was at exec), if any."""
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return None
    prefix = OWNER_VARIABLE.encode() + b"="
    for entry in environ.split(b"\0"):
        if entry.startswith(prefix):
            return entry[len(prefix) :].decode(errors="replace")
    return None


def owned(sids: set[int], owner: str) -> list[int]:
    """Live processes in one of the sessions `sids`, or carrying the owner tag (those that left the session)."""
    found = []
    for pid in all_pids():
        info = _stat(pid)
        if info and info[0] != "Z" and (info[2] in sids or owner_of(pid) == owner):
            found.append(pid)
    return found


def _signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def end_all(children: list[subprocess.Popen], owner: str, grace: float = 5.0) -> None:
    """SIGTERM every process the children started (by session or tag), SIGKILL what is left after `grace`,
    then reap. The leaders are reaped last, so their PIDs (= the session ids) cannot be reused meanwhile.
    """
    sids = {c.pid for c in children}
    _signal_all(owned(sids, owner), signal.SIGTERM)
    poll.try_until(lambda: not owned(sids, owner), grace, POLL)

    def killed_all() -> bool:
        left = owned(sids, owner)
        _signal_all(left, signal.SIGKILL)
        return not left

    # SIGKILL cannot be ignored, so this normally ends within a few scans; only a process stuck in the kernel
    # (uninterruptible sleep) outlives it, and stopping the run must not hang on that: say so and go on.
    kill_deadline = time.monotonic() + grace
    poll.try_until(killed_all, grace, POLL)
    for child in children:
        try:
            child.wait(timeout=max(0.0, kill_deadline - time.monotonic()) + POLL)
        except subprocess.TimeoutExpired:
            pass
    if left := owned(sids, owner):
        print(f"MM-T940: grid processes still ending after SIGKILL: {', '.join(map(str, left))}", file=sys.stderr)


# Where a grid's ports are chosen: below the kernel's range for the local ports of outgoing connections
# (/proc/sys/net/ipv4/ip_local_port_range, 32768-60999 by default), from here up.
PORTS_FROM = 20000
EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """`count` distinct TCP ports free now (all held open together so none is handed out twice).

    A grid's Java process binds its port a second or two after it is chosen (a local driver, a moment after). A
    port from the kernel's range for outgoing connections could meanwhile become the local port of any connection on
    the machine (a browser's to its server), and the grid then "exited at start": so the ports come from below that
    range, where only an explicit bind takes one. Where that range cannot be read or leaves no room below it, the
    kernel chooses."""
    socks = []
    try:
        for port in _candidates():
            s = socket.socket()
            try:
                s.bind((host, port))
            except OSError:  # taken: try the next one
                s.close()
                continue
            socks.append(s)
            if len(socks) == count:
                break
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _candidates():
    """Ports to try, in a random order, below the range for outgoing connections; then 0 (the kernel's choice)."""
    try:
        low = int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = PORTS_FROM
    below = list(range(PORTS_FROM, low))
    random.shuffle(below)
    yield from below
    while True:
        yield 0


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        pass
    return inodes


def _decode_address(hex_addr: str) -> tuple[str, int]:
    ip_hex, port_hex = hex_addr.split(":")
    raw = bytes.fromhex(ip_hex)
    if len(raw) == 4:
        ip = socket.inet_ntop(socket.AF_INET, raw[::-1])
    else:  # /proc prints IPv6 as four little-endian 32-bit words
        ip = socket.inet_ntop(socket.AF_INET6, b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4)))
    return ip, int(port_hex, 16)


TCP_LISTEN = "0A"


def tcp_sockets(pids: list[int]) -> list[dict]:
    """TCP sockets owned by `pids`: pid, local/remote (ip, port), listening flag. Read from /proc/net/tcp{,6}."""
    owner = {inode: pid for pid in pids for inode in _socket_inodes(pid)}
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if f[9] in owner:
                found.append(
                    {
                        "pid": owner[f[9]],
                        "local": _decode_address(f[1]),
                        "remote": _decode_address(f[2]),
                        "listening": f[3] == TCP_LISTEN,
                    }
                )
    return found


def is_loopback(ip: str) -> bool:
    return ip.startswith("127.") or ip in ("::1", "::ffff:127.0.0.1") or ip.startswith("::ffff:127.")
