"""The locator sets of the suite's pages, and the parts that several UI generations share. Each generation declares its
own set in its module of mattermost_suite/generations (boundaries and evidence: docs/generations.md).

The console's Revoke All Sessions button and the confirmation are found by role and name in every generation (the
button moved into the header in 9.4, inside the transitional generation).
A locator reads exactly what it names and only in its own generation: no fallbacks to a neighbouring era's DOM.
Where two generations render the same DOM they share one definition here (the redesigned login page, the channel).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from mattermost_suite.pages.locator import Address, Locator, button_named, css, xpath


@dataclass(frozen=True)
class LoginLocators:
    page: Locator
    login_id: Locator
    password: Locator
    sign_in: Locator
    expired_banner: Locator
    banner_close: Locator  # looked up inside the banner
    mfa_token: Locator
    mfa_submit: Locator
    # The landing page a browser meets before the login form (components/linking_landing_page): its way on.
    view_in_browser: Locator


@dataclass(frozen=True)
class ChannelLocators:
    view: Locator
    title: Locator


@dataclass(frozen=True)
class UsersPageLocators:
    revoke_all_button: Locator


@dataclass(frozen=True)
class ConfirmModalLocators:
    """The modal's root and its parts; every part is looked up inside the root."""

    root: Locator
    title: Locator
    message: Locator
    cancel_button: Locator
    confirm_button: Locator


@dataclass(frozen=True)
class FirstLoginLocators:
    """What a first login can show over (or instead of) the channel; one subclass per era names its screens."""

    preparing_workspace: ClassVar[Address | None] = None
    # Screen description -> the control a person uses to put it away for good (the web app saves that choice).
    ways_past: ClassVar[dict[str, Locator]] = {}

    @property
    def screens(self) -> tuple[Locator, ...]:
        """The era's screens in the order they cover each other, topmost first (the order of the fields)."""
        return tuple(getattr(self, field.name) for field in fields(self))


@dataclass(frozen=True)
class TutorialLocators(FirstLoginLocators):
    """v5.x: components/tutorial, sidebar_whats_new_modal."""

    whats_new_modal: Locator
    tutorial_intro: Locator


@dataclass(frozen=True)
class OnboardingLocators(FirstLoginLocators):
    """v7+: onboarding_tasklist, tours; the first system admin of a fresh workspace is sent to preparing-workspace
    (actions/global_actions redirectToOnboardingOrDefaultTeam)."""

    task_list: Locator
    tour_tip: Locator
    preparing_workspace: ClassVar[Address | None] = Address("the preparing-workspace page", "/preparing-workspace")
    # onboarding_tasklist.tsx dismissChecklist: saves onboarding_task_list_show and _open as false.
    ways_past: ClassVar[dict[str, Locator]] = {
        "the onboarding task list": xpath(
            "the task list's No thanks link",
            "//span[contains(concat(' ', @class, ' '), ' link ') and contains(., 'figure it out myself')]",
        )
    }


@dataclass(frozen=True)
class Locators:
    """Everything the suite locates in one UI generation (each generation's module in mattermost_suite/generations
    declares its own)."""

    login: LoginLocators
    channel: ChannelLocators
    users_page: UsersPageLocators
    confirm_modal: ConfirmModalLocators
    first_login: FirstLoginLocators


# At phone width (768 px and less) the desktop header is hidden and a mobile one names the channel: a span.heading in
# its .navbar-brand before 10.8, a strong#channelHeaderTitle.heading since; the first visible match is the one read.
CHANNEL = ChannelLocators(
    view=css("the channel view", "#channel_view"),
    title=css("the channel header title", "#channelHeaderTitle, #navbar .navbar-brand .heading"),
)

# The confirmation, found as a person finds it in every generation: the modal dialog (role "dialog" up to the
# react-bootstrap ConfirmModal, aria-modal on GenericModal, whose root has role "none") that offers Cancel, and its
# buttons by name. The ids (#confirmModal, #cancelModalButton, #confirmModalButton) are the same in every generation
# so far, but nothing here depends on them.
_DIALOG = "(@role='dialog' or @aria-modal='true')"
_MODAL = xpath("the confirmation dialog", f"//*[{_DIALOG}][.//button[normalize-space(.)='Cancel']]")
_CANCEL = button_named("Cancel", part=True)
_CONFIRM = button_named("Revoke All Sessions", part=True)
# h1.modal-title in every generation (#confirmModalLabel up to v10.6, #genericModalLabel on GenericModal since 10.7).
_TITLE = css("the confirmation's title", ".modal-title")
MESSAGE_BY_ID = css("the confirmation's message", "#confirmModalBody")


def confirm_modal(message: Locator) -> ConfirmModalLocators:
    """A generation's ConfirmModal: its own message element; the root, title and buttons every generation shares."""
    return ConfirmModalLocators(
        root=_MODAL, title=_TITLE, message=message, cancel_button=_CANCEL, confirm_button=_CONFIRM
    )


# linking_landing_page: "View in Browser" is a link with no id in every generation that has the page, in a
# div.get-app__status of the buttons up to 9.1, straight in them since (commit 6f43821, 2023-09-25).
VIEW_IN_BROWSER = xpath(
    "the landing page's View in Browser link",
    "//div[contains(@class, 'get-app__buttons')]//a[normalize-space(.)='View in Browser']",
)

# The console's button by its name, outside any dialog (the confirmation's own button has the same name): below
# the users list with id revoke-all-users up to v9.3, in the page header without an id since 9.4.
REVOKE_ALL = UsersPageLocators(
    xpath(
        "the Revoke All Sessions button",
        f"//button[normalize-space(.)='Revoke All Sessions'][not(ancestor::*[{_DIALOG}])]",
    )
)

# login.tsx, AlertBanner and login_mfa.tsx: the same in transitional and current.
REDESIGNED_LOGIN = LoginLocators(
    page=css("the login page", ".login-body-card"),
    login_id=css("the email or username field", "#input_loginId"),
    password=css("the password field", "#input_password-input"),
    sign_in=css("the Log in button", "#saveSetting"),
    expired_banner=css("the session-expired banner", ".AlertBanner.warning .AlertBanner__title"),
    banner_close=css("the banner's close control", "button.AlertBanner__closeButton"),
    mfa_token=css("the MFA token field", "#input_token"),
    mfa_submit=css("the MFA Submit button", "button.login-mfa-form-button-submit"),
    view_in_browser=VIEW_IN_BROWSER,
)

# First-login screens over the channel (onboarding_tasklist, tours): the same in transitional and current.
ONBOARDING = OnboardingLocators(
    task_list=css("the onboarding task list", "[data-cy='onboarding-task-list-overlay']"),
    tour_tip=css("the onboarding tour tip", ".tour-tip__box"),
)
