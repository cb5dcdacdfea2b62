"""Attachments on the current Allure step; every text is masked before it is written.

With no Allure formatter running, allure.attach is a no-op, so the suite runs the same without it.
"""

from __future__ import annotations

import logging
from typing import Any

import allure
from allure_commons.types import AttachmentType

from mattermost_suite.evidence.capture import DeviceCapture, capture_device, one_line
from mattermost_suite.evidence.masking import mask_text, masked_json

log = logging.getLogger(__name__)


def attach_text(name: str, text: str | bytes | None, kind: AttachmentType = AttachmentType.TEXT) -> None:
    allure.attach(mask_text(text), name=name, attachment_type=kind)


def attach_png(name: str, png: bytes) -> None:
    allure.attach(png, name=name, attachment_type=AttachmentType.PNG)


def attach_jpeg(name: str, jpeg: bytes) -> None:
    allure.attach(jpeg, name=name, attachment_type=AttachmentType.JPG)


def attach_screenshot(driver, name: str) -> DeviceCapture:
    """Full-window PNG of driver's page on the current step; on failure a text note instead. Never raises."""
    capture = capture_device(name, driver)
    if capture.png is not None:
        attach_png(name, capture.png)
    else:
        attach_text(f"{name} (no screenshot)", f"The screenshot could not be taken: {capture.error}")
    return capture


def attach_json(name: str, data: Any) -> None:
    """REST evidence as JSON: token/csrf/password-keyed values blanked, then registered secrets masked."""
    try:
        body = masked_json(data)
    except Exception as error:  # evidence must never hide the real result
        log.warning("JSON evidence %r not attached: %s", name, one_line(error))
        return
    allure.attach(body, name=name, attachment_type=AttachmentType.JSON)
