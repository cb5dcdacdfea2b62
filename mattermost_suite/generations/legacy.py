"""v5.x (mattermost-webapp): the #login_section form and its MFA step, the v5 tutorial and what's new modal, the
react-bootstrap ConfirmModal whose .modal-body holds only the message."""

from mattermost_suite.generations import Generation
from mattermost_suite.pages.locator import css, xpath
from mattermost_suite.pages.locators import (
    CHANNEL,
    REVOKE_ALL,
    VIEW_IN_BROWSER,
    Locators,
    LoginLocators,
    TutorialLocators,
    confirm_modal,
)

GENERATION = Generation(
    name="legacy",
    since=(0, 0, 0),  # every release older than the next generation (the preflight refuses anything before 5.14)
    summary="v5.16-v6.x",
    locators=Locators(
        login=LoginLocators(
            page=css("the login page", "#login_section"),
            login_id=css("the email or username field", "#loginId"),
            password=css("the password field", "#loginPassword"),
            sign_in=css("the Sign in button", "#loginButton"),
            expired_banner=css("the session-expired banner", "#login_section div.alert.alert-warning"),
            banner_close=css("the banner's close control", "#login_section a.btn-close"),
            mfa_token=css("the MFA token field", "#login_section input[name='token']"),
            mfa_submit=css("the MFA Submit button", "#login_section #saveSetting"),
            view_in_browser=VIEW_IN_BROWSER,
        ),
        channel=CHANNEL,
        users_page=REVOKE_ALL,
        confirm_modal=confirm_modal(message=css("the confirmation's message", ".modal-body")),
        # components/tutorial, sidebar_whats_new_modal
        first_login=TutorialLocators(
            whats_new_modal=xpath(
                "the what's new modal", "//h1[@id='genericModalLabel' and normalize-space(.)=\"What's new\"]"
            ),
            tutorial_intro=css("the v5 tutorial intro screens", "#tutorialIntroContent"),
        ),
    ),
)
