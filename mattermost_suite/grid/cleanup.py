"""Last-resort cleanup: grids still running when the owning process exits or is told to stop.

`with EmbeddedGrid(...)` / try-finally cover exceptions and Ctrl-C (KeyboardInterrupt unwinds the stack);
atexit covers a forgotten stop(); a SIGTERM/SIGHUP handler covers being killed politely, which would otherwise
end the interpreter without running atexit and leave the grid's sessions (Java, browsers, Xvfb) behind.
"""

from __future__ import annotations

import atexit
import os
import signal
import threading

_live: set = set()
_lock = threading.RLock()  # re-entrant: the signal handler may run while the main thread holds it
_installed = False


def _stop_all() -> None:
    with _lock:
        grids = list(_live)
    for grid in grids:
        grid.stop()


def _on_signal(signum, frame) -> None:
    _stop_all()
    previous = _previous.get(signum)
    if callable(previous):
        previous(signum, frame)
        return
    signal.signal(signum, signal.SIG_DFL)  # die of the same signal, as the parent expects
    os.kill(os.getpid(), signum)


_previous: dict = {}


def _install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    atexit.register(_stop_all)
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread; atexit still applies
    for signum in (signal.SIGTERM, signal.SIGHUP):
        current = signal.getsignal(signum)
        if current in (signal.SIG_IGN,):
            continue  # someone chose to ignore it: respect that
        _previous[signum] = current if callable(current) else None
        signal.signal(signum, _on_signal)


def register(grid) -> None:
    with _lock:
        _install()
        _live.add(grid)


def unregister(grid) -> None:
    with _lock:
        _live.discard(grid)
