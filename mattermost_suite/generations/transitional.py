"""v7.0-v9.5: the redesigned login page (login.tsx) and onboarding over the old System Console users list; the
react-bootstrap ConfirmModal with .modal-body#confirmModalBody. From 9.4 the console's button sits in the page header
and the confirmation adds "..., including your session." (the wording's own boundary: generations.WORDINGS)."""

from mattermost_suite.generations import Generation
from mattermost_suite.pages.locators import (
    CHANNEL,
    MESSAGE_BY_ID,
    ONBOARDING,
    REDESIGNED_LOGIN,
    REVOKE_ALL,
    Locators,
    confirm_modal,
)

GENERATION = Generation(
    name="transitional",
    # The v7.0 release notes: "Applied new designs for the Login screen" and the new onboarding task list.
    since=(7, 0, 0),
    summary="v7.0-v9.5",
    locators=Locators(
        login=REDESIGNED_LOGIN,
        channel=CHANNEL,
        users_page=REVOKE_ALL,
        confirm_modal=confirm_modal(message=MESSAGE_BY_ID),
        first_login=ONBOARDING,
    ),
)
