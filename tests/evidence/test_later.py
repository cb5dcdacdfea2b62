"""An attachment made later (mattermost_suite/evidence/later.py): its place is taken in the current step at once,
in order; its bytes are written from the background; the formatter can wait for all of them."""

import threading
from types import SimpleNamespace

import allure_commons
import pytest
from allure_behave.listener import AllureListener
from allure_commons import model2
from allure_commons.logger import AllureMemoryLogger
from allure_commons.types import AttachmentType

from mattermost_suite.evidence.later import attach_later, wait_for_attachments

pytestmark = pytest.mark.unit


@pytest.fixture
def running_step():
    """allure-behave's listener in the middle of a step, and an in-memory logger in place of the results folder."""
    listener = AllureListener(SimpleNamespace(userdata={}))
    memory = AllureMemoryLogger()
    listener.logger.schedule_test("test", model2.TestResult(uuid="test"))
    listener.current_step_uuid = "step"
    listener.logger.start_step(None, "step", model2.TestStepResult(name="When the system admin clicks Cancel"))
    for plugin in (listener, memory):
        allure_commons.plugin_manager.register(plugin)
    try:
        yield listener.logger.get_item("step"), memory
    finally:
        wait_for_attachments(5)
        listener.logger.stop_step("step")
        listener.logger.close_test("test")  # allure keeps the running items per thread, for every reporter
        for plugin in (listener, memory):
            allure_commons.plugin_manager.unregister(plugin)


def test_the_place_is_taken_at_once_and_the_bytes_come_later(running_step):
    step, memory = running_step
    release = threading.Event()

    def slow_image() -> bytes:
        release.wait(5)
        return b"\xff\xd8 the combined image"

    assert attach_later("After Cancel - all devices", AttachmentType.JPG, slow_image) is True
    [attachment] = step.attachments
    assert (attachment.name, attachment.type) == ("After Cancel - all devices", "image/jpg")
    assert attachment.source.endswith("-attachment.jpg") and memory.attachments == {}  # not made yet
    release.set()
    assert wait_for_attachments(5) == 0
    assert memory.attachments == {attachment.source: b"\xff\xd8 the combined image"}


def test_an_image_that_cannot_be_made_writes_nothing_and_raises_nothing(running_step):
    step, memory = running_step

    def broken() -> bytes:
        raise OSError("no space left on device")

    assert attach_later("After Confirm - all devices", AttachmentType.JPG, broken) is True
    assert wait_for_attachments(5) == 0
    assert len(step.attachments) == 1 and memory.attachments == {}


def test_a_slow_image_is_reported_and_the_wait_still_ends(running_step):
    release = threading.Event()
    try:
        attach_later("Slow - all devices", AttachmentType.JPG, lambda: release.wait(5) and b"late")
        assert wait_for_attachments(0.2) == 1
    finally:
        release.set()


def test_without_allure_nothing_is_reserved():
    made = []
    assert attach_later("Logged in - all devices", AttachmentType.JPG, lambda: made.append(1) or b"") is False
    assert wait_for_attachments(5) == 0 and made == []
