"""Named key moments of MM-T940 where evidence (screenshots) is attached.

Steps announce a moment with the devices involved; the evidence package subscribes a listener. With no listener
this costs nothing. A failing listener must never fail the test, so errors are reported and swallowed.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import Callable, Sequence

from .secrets import mask


class Moment(str, Enum):
    LOGGED_IN = "logged in before the revoke"
    CONFIRMATION_SHOWN = "the confirmation modal"
    AFTER_CANCEL = "after Cancel"
    AFTER_CONFIRM = "after Confirm"
    SENT_AWAY = "a non-admin sent away from the console"


Listener = Callable[[Moment, Sequence[object]], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def announce(moment: Moment, devices: Sequence[object]) -> None:
    """Tell every listener that `moment` has been reached; `devices` are fleet Device objects (live drivers)."""
    for listener in list(_listeners):
        try:
            listener(moment, devices)
        except Exception as error:  # evidence is best effort; the verdict comes from the checks
            # A WebDriver message may quote the page (cookies, tokens): masked, like every other line the suite writes.
            print(mask(f"evidence for {moment.value!r} failed: {type(error).__name__}: {error}"), file=sys.stderr)
