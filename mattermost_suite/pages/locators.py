"""Every locator of the suite, declared once per UI generation, each with the words a failure should use.

"legacy" is the v5.x-v9.4 web app (its Targets also accept the v7/v8 login-page ids, since those servers mix
eras); "current" is the redesigned v9.5+ web app. Sources: ../shared/reference/mattermost-revoke-all.md.
"""
from __future__ import annotations

from selenium.webdriver.common.by import By

from .waits import Target

# The newest product gives the console button no id: find it by its text in the page header bar.
_HEADER_REVOKE_BUTTON = (By.XPATH, "//div[contains(concat(' ', normalize-space(@class), ' '), ' admin-console__header ')]"
                                   "//button[normalize-space(.)='Revoke All Sessions']")


def _t(description: str, *locators: tuple[str, str]) -> Target:
    return Target(description, tuple(locators))


def _css(*selectors: str) -> tuple[tuple[str, str], ...]:
    return tuple((By.CSS_SELECTOR, selector) for selector in selectors)


_COMMON = {
    "channel_view": _t("the channel view", *_css("#channel_view")),
    "channel_title": _t("the channel header title", *_css("#channelHeaderTitle")),
    "confirm_modal": _t("the confirmation dialog", *_css("#confirmModal")),
    "confirm_button": _t("the confirmation's confirm button", *_css("#confirmModalButton")),
    "cancel_button": _t("the confirmation's Cancel button", *_css("#cancelModalButton", "#confirmModal .btn-cancel")),
}

LEGACY = {
    **_COMMON,
    "login_page": _t("the login page", *_css("#login_section", ".login-body-card")),
    "login_id": _t("the email or username field", *_css("#loginId", "#input_loginId")),
    "password": _t("the password field", *_css("#loginPassword", "#input_password-input")),
    "sign_in": _t("the Sign in button", *_css("#loginButton", "#saveSetting")),
    "expired_banner": _t("the session-expired banner",
                         *_css("#login_section div.alert.alert-warning", ".AlertBanner.warning .AlertBanner__title")),
    "banner_close": _t("the banner's close control", *_css("a.btn-close", "button.AlertBanner__closeButton")),
    "revoke_all_button": _t("the Revoke All Sessions button", (By.ID, "revoke-all-users"), _HEADER_REVOKE_BUTTON),
    "confirm_title": _t("the confirmation's title", *_css("#confirmModalLabel", "#confirmModal .modal-title")),
    "confirm_message": _t("the confirmation's message", *_css("#confirmModal .modal-body")),
}

CURRENT = {
    **_COMMON,
    "login_page": _t("the login page", *_css(".login-body-card")),
    "login_id": _t("the email or username field", *_css("#input_loginId")),
    "password": _t("the password field", *_css("#input_password-input")),
    "sign_in": _t("the Log in button", *_css("#saveSetting")),
    "expired_banner": _t("the session-expired banner", *_css(".AlertBanner.warning .AlertBanner__title")),
    "banner_close": _t("the banner's close control", *_css("button.AlertBanner__closeButton")),
    "revoke_all_button": _t("the Revoke All Sessions button", _HEADER_REVOKE_BUTTON, (By.ID, "revoke-all-users")),
    "confirm_title": _t("the confirmation's title", *_css("#genericModalLabel", "#confirmModal .modal-title")),
    "confirm_message": _t("the confirmation's message", *_css("#confirmModalBody", "#confirmModal .modal-body")),
}

GENERATIONS = {"legacy": LEGACY, "current": CURRENT}


def locators_for(ui: str) -> dict[str, Target]:
    return GENERATIONS[ui]
