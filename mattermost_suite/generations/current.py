"""v9.6 and newer: the redesigned System Console users list; from 10.7 the ConfirmModal on GenericModal puts the
buttons inside .modal-body, so the message is read from #confirmModalBody only. Everything the suite locates is found
as in the transitional generation (the console's button and the dialog by role and name)."""

from mattermost_suite.generations import Generation
from mattermost_suite.generations.transitional import GENERATION as TRANSITIONAL

GENERATION = Generation(
    name="current",
    # The v9.6 release notes: "Re-designed the System Console > User Management screen".
    since=(9, 6, 0),
    summary="v9.6+",
    locators=TRANSITIONAL.locators,
)
