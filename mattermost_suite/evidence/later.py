"""An attachment whose bytes are made later, off the step's thread.

A key moment's combined image costs about a third of a second of CPU (every screenshot decoded, scaled and labelled,
the sheet encoded), while the steps after a moment mostly wait for pages and the server. So the image's place is
taken in the current Allure step at the moment, on the step's thread (where allure-behave knows the current step,
and the report lists it where the moment happened, in order), and the image is made and written meanwhile by one
background thread. The run's Allure formatter waits for every such file before it marks the run complete
(formatter.py); Python's own exit waits for them too. Without an Allure formatter nothing is reserved or made.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from uuid import uuid4

import allure_commons
from allure_behave.listener import AllureListener
from allure_commons.model2 import Attachment
from allure_commons.types import AttachmentType

from mattermost_suite.evidence.capture import one_line

log = logging.getLogger(__name__)

_maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-later")
_pending: list[Future] = []
_lock = threading.Lock()


def allure_listener() -> AllureListener | None:
    """allure-behave's listener of this run, when its formatter runs."""
    return next((p for p in allure_commons.plugin_manager.get_plugins() if isinstance(p, AllureListener)), None)


def attach_later(name: str, kind: AttachmentType, make: Callable[[], bytes]) -> bool:
    """Take the attachment's place in the current behave step now; make and write its bytes in the background.
    False (nothing reserved) when no Allure formatter runs or no step is current: attach at once then."""
    listener = allure_listener()
    step_uuid = getattr(listener, "current_step_uuid", None)
    step = listener.logger.get_item(step_uuid) if listener is not None and step_uuid is not None else None
    if step is None:
        return False
    file_name = f"{uuid4()}-attachment.{kind.extension}"
    step.attachments.append(Attachment(name=name, source=file_name, type=kind.mime_type))
    future = _maker.submit(_write, name, file_name, make)
    with _lock:
        _pending.append(future)
    return True


def wait_for_attachments(deadline: float = 60.0) -> int:
    """Wait until every attachment reserved so far is written (or `deadline` seconds); returns how many were left
    unwritten."""
    with _lock:
        pending, _pending[:] = list(_pending), []
    _, late = wait(pending, timeout=deadline)
    for _ in late:
        log.warning("an attachment was still being made after %g s", deadline)
    return len(late)


def _write(name: str, file_name: str, make: Callable[[], bytes]) -> None:
    try:
        body = make()
    except Exception as error:  # evidence must never hide the result: the report shows the place without a file
        log.warning("%r not made: %s", name, one_line(error))
        return
    allure_commons.plugin_manager.hook.report_attached_data(body=body, file_name=file_name)
