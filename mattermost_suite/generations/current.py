"""v9.6 and newer: the redesigned System Console users list; from 10.7 the ConfirmModal on GenericModal puts the
buttons inside .modal-body, so the message is read from #confirmModalBody only."""

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
    name="current",
    # The v9.6 release notes: "Re-designed the System Console > User Management screen".
    since=(9, 6, 0),
    summary="v9.6+",
    locators=Locators(
        login=REDESIGNED_LOGIN,
        channel=CHANNEL,
        users_page=REVOKE_ALL,
        confirm_modal=confirm_modal(message=MESSAGE_BY_ID),
        first_login=ONBOARDING,
    ),
)
