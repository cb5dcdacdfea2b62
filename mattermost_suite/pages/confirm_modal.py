"""The generic ConfirmModal component (react-bootstrap up to v9.x, on GenericModal in the newest product)."""
from __future__ import annotations

from . import waits
from .base import Page


class ConfirmModal(Page):
    def wait_open(self) -> "ConfirmModal":
        self.visible("confirm_modal")
        self.visible("confirm_button")
        return self

    def title(self) -> str:
        return self.text_of("confirm_title")

    def message(self) -> str:
        return self.text_of("confirm_message")

    def cancel_label(self) -> str:
        return self.text_of("cancel_button")

    def confirm_label(self) -> str:
        return self.text_of("confirm_button")

    def cancel(self) -> None:
        self.visible("cancel_button").click()
        waits.gone(self.driver, self.loc["confirm_modal"], self.deadlines.element)

    def confirm(self) -> None:
        self.visible("confirm_button").click()

    def is_open(self) -> bool:
        return self.loc["confirm_modal"].present(self.driver)
