"""Every locator of the suite, declared once per UI generation, each with the words a failure should use.

Generations (boundaries in ui_generation.py, evidence in docs/generations.md):
  "legacy"        v5.x  (mattermost-webapp): #login_section form, v5 tutorial, #revoke-all-users below the list,
                  react-bootstrap ConfirmModal whose .modal-body holds only the message.
  "transitional"  v7.0-v9.5: the redesigned login page (login.tsx) and onboarding, the old console button and the
                  react-bootstrap ConfirmModal with .modal-body#confirmModalBody.
  "current"       v9.6+: the redesigned console (header button without an id); the ConfirmModal on GenericModal
                  puts the buttons inside .modal-body, so the message is read from #confirmModalBody only.
A locator reads exactly what it names and only in its own generation: no fallbacks to a neighbouring era's DOM.
"""
from __future__ import annotations

from selenium.webdriver.common.by import By

from .waits import Target

# The newest product gives the console button no id: find it by its (English) text in the page header bar.
_HEADER_REVOKE_BUTTON = (By.XPATH, "//div[contains(concat(' ', normalize-space(@class), ' '), ' admin-console__header ')]"
                                   "//button[normalize-space(.)='Revoke All Sessions']")


def _t(description: str, *locators: tuple[str, str]) -> Target:
    return Target(description, tuple(locators))


def _css(selector: str) -> tuple[str, str]:
    return (By.CSS_SELECTOR, selector)


_EVERY_GENERATION = {
    "channel_view": _t("the channel view", _css("#channel_view")),
    "channel_title": _t("the channel header title", _css("#channelHeaderTitle")),
    "confirm_modal": _t("the confirmation dialog", _css("#confirmModal")),
    "confirm_button": _t("the confirmation's confirm button", _css("#confirmModalButton")),
    "cancel_button": _t("the confirmation's Cancel button", _css("#cancelModalButton")),
}

# login.tsx, AlertBanner and login_mfa.tsx: the same in transitional and current.
_REDESIGNED_LOGIN = {
    "login_page": _t("the login page", _css(".login-body-card")),
    "login_id": _t("the email or username field", _css("#input_loginId")),
    "password": _t("the password field", _css("#input_password-input")),
    "sign_in": _t("the Log in button", _css("#saveSetting")),
    "expired_banner": _t("the session-expired banner", _css(".AlertBanner.warning .AlertBanner__title")),
    "banner_close": _t("the banner's close control", _css("button.AlertBanner__closeButton")),
    "mfa_token": _t("the MFA token field", _css("#input_token")),
    "mfa_submit": _t("the MFA Submit button", _css("button.login-mfa-form-button-submit")),
    # first-login screens over the channel (onboarding_tasklist, tours)
    "task_list": _t("the onboarding task list", _css("[data-cy='onboarding-task-list-overlay']")),
    "tour_tip": _t("the onboarding tour tip", _css(".tour-tip__box")),
}

LEGACY = {
    **_EVERY_GENERATION,
    "login_page": _t("the login page", _css("#login_section")),
    "login_id": _t("the email or username field", _css("#loginId")),
    "password": _t("the password field", _css("#loginPassword")),
    "sign_in": _t("the Sign in button", _css("#loginButton")),
    "expired_banner": _t("the session-expired banner", _css("#login_section div.alert.alert-warning")),
    "banner_close": _t("the banner's close control", _css("#login_section a.btn-close")),
    "mfa_token": _t("the MFA token field", _css("#login_section input[name='token']")),
    "mfa_submit": _t("the MFA Submit button", _css("#login_section #saveSetting")),
    "revoke_all_button": _t("the Revoke All Sessions button", (By.ID, "revoke-all-users")),
    "confirm_title": _t("the confirmation's title", _css("#confirmModalLabel")),
    "confirm_message": _t("the confirmation's message", _css("#confirmModal .modal-body")),
    # first-login screens (components/tutorial, sidebar_whats_new_modal)
    "tutorial_intro": _t("the v5 tutorial intro screens", _css("#tutorialIntroContent")),
    "whats_new_modal": _t("the what's new modal", (By.XPATH, "//h1[@id='genericModalLabel' and normalize-space(.)=\"What's new\"]")),
}

TRANSITIONAL = {
    **_EVERY_GENERATION,
    **_REDESIGNED_LOGIN,
    "revoke_all_button": _t("the Revoke All Sessions button", (By.ID, "revoke-all-users")),
    "confirm_title": _t("the confirmation's title", _css("#confirmModalLabel")),
    "confirm_message": _t("the confirmation's message", _css("#confirmModalBody")),
}

CURRENT = {
    **_EVERY_GENERATION,
    **_REDESIGNED_LOGIN,
    "revoke_all_button": _t("the Revoke All Sessions button", _HEADER_REVOKE_BUTTON),
    # h1#genericModalLabel on GenericModal; h1#confirmModalLabel in the v9.6+ releases before that move.
    "confirm_title": _t("the confirmation's title", _css("#confirmModal .modal-title")),
    "confirm_message": _t("the confirmation's message", _css("#confirmModalBody")),
}

GENERATIONS = {"legacy": LEGACY, "transitional": TRANSITIONAL, "current": CURRENT}

# First-login screens each generation can show, in the order they cover each other (topmost first).
FIRST_LOGIN_SCREENS = {
    "legacy": ("whats_new_modal", "tutorial_intro"),
    "transitional": ("task_list", "tour_tip"),
    "current": ("task_list", "tour_tip"),
}
# The first system admin of a fresh workspace is sent here (actions/global_actions redirectToOnboardingOrDefaultTeam).
PREPARING_WORKSPACE = ("/preparing-workspace", "the preparing-workspace page")
HAS_PREPARING_WORKSPACE = frozenset({"transitional", "current"})


def locators_for(ui: str) -> dict[str, Target]:
    return GENERATIONS[ui]
