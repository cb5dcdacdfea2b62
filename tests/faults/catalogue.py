"""Which MM-T940 check must catch each stand-in fault: the one table to update when a step's text changes.

`step` is the step text as in features/*.feature (an outline's <placeholder> matches any value);
`message` is a substring the failure must contain, naming what is wrong. `PROPOSED` marks a step the feature does
not have yet: the fault escapes until the suite adds a check there (see docs/faults.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from mattermost_standin import FAULTS
from mattermost_standin.faults import applies
from mattermost_suite.generations import locators_of
from mattermost_suite.pages.locators import Locators
from tests.support.generations import NEWEST_FIRST

PROPOSED = "PROPOSED: "
UIS = NEWEST_FIRST  # the web-app generations, newest first


@dataclass(frozen=True)
class Catch:
    step: str
    message: str
    # False: the failure is read from the browser's address or the REST API, which every generation's web app meets
    # alike, not from the page through a generation's locators (generations_of runs such a fault once).
    reads_the_page: bool = True


CATCHES: dict[str, Catch] = {
    "revoke_all_noop": Catch(
        "every awake browser of the test user reaches the login page by itself",
        "did not reach the login page by themselves",
    ),
    "revoke_all_spares_mobile": Catch(
        "every mobile app of the test user is told its session has expired", "Android app"
    ),
    "revoke_all_spares_caller": Catch(
        "the server refuses every old session of the test user and of the system admin",
        "the system admin's REST session: HTTP 200",
    ),
    "endpoint_accepts_non_admin": Catch(
        'the server refuses, saying "You do not have the appropriate permissions."',
        "revoked all sessions for the test user, who is not a system admin (HTTP 200)",
    ),
    "old_tokens_still_valid": Catch(
        "every awake browser of the test user reaches the login page by itself",
        "did not reach the login page by themselves",
    ),
    "cancel_revokes": Catch(
        "every mobile app of the test user is still open and logged in",
        "Android app: the app is refused: HTTP 401 api.context.session_expired.app_error",
        reads_the_page=False,
    ),
    "confirm_wording": Catch(
        'the confirmation message reads "<confirmation message>"',
        "the confirmation reads 'This action revokes all sessions in the system. Are you sure you want to continue?'",
    ),
    "no_expired_banner": Catch(
        'every browser of the test user shows "Your session has expired. Please log in again."',
        "did not show 'Your session has expired. Please log in again.'",
    ),
    "logout_wrong_page": Catch(
        "every awake browser of the test user reaches the login page by itself",
        "the browser is at /error?type=page_not_found",
        reads_the_page=False,
    ),
    "idle_never_notices": Catch(
        "every awake browser of the test user reaches the login page by itself",
        "the browser is at /ad-1/channels/town-square",
        reads_the_page=False,
    ),
    "button_for_non_admin": Catch(
        "the test user is sent away from System Console > Users", 'which offers "Revoke All Sessions"'
    ),
    "admin_not_logged_out": Catch(
        "the system admin's browser is redirected to the login page",
        "the browser is at /admin_console/user_management/users",
        reads_the_page=False,
    ),
    "tutorial_reappears": Catch(
        "the test user is logged in on these devices:", "in the way of the channel (a first-login screen)"
    ),
    "modal_body_has_buttons": Catch(
        'the confirmation message reads "<confirmation message>"',
        "Are you sure you want to revoke all sessions? Cancel",
    ),
    "landing_page_returns": Catch("the test user is logged in on these devices:", "the browser is at /landing#/login"),
    "admin_stranded_on_preparing_workspace": Catch(
        "the system admin goes to System Console > Users",
        "the preparing-workspace page is in its way (a first-login screen)",
    ),
    "task_list_stays": Catch(
        "the system admin goes to System Console > Users",
        "the onboarding task list is in its way (a first-login screen)",
    ),
    "status_poll_stops": Catch(
        "every awake browser of the test user reaches the login page by itself",
        "the browser is at /ad-1/channels/town-square",
        reads_the_page=False,
    ),
}

# With a short status poll, the victims' pages may or may not have noticed a revoke that Cancel sent when the
# step checks them (a racy message). The real web app's 60 s poll leaves the check to the app session's REST call.
STATUS_POLL_OVERRIDES: dict[str, float] = {"cancel_revokes": 60.0}


def generations_of(fault: str) -> tuple[str, ...]:
    """Where a fault runs, newest first.

    A page fault breaks a generation's web app: it runs in the generations that have the broken screen, once per
    set of the suite's locators among them. Generations whose locators are equal are read by the same page objects
    with the same locators (the suite has no other per-generation code), so a fault caught in one is caught the same
    way in the other: the newest of them runs it. The baselines, the default matrix and the real builds prove that
    those locators read each generation's own pages.

    A page fault whose failure is not read through the locators (`Catch.reads_the_page` False: the browser's address,
    or the REST API) is caught the same way in every generation that has the broken screen: the newest of them runs
    it. Its generation's own locators still lead the run there, and each generation's baseline proves they do.

    A server fault changes only the REST behaviour, which every generation's web app meets alike, and the step that
    guards it reads the server (sessions, apps, the endpoint's answer) or whether a browser reached the login page
    (the path, before any locator): it runs once, against the newest web app."""
    kind, _ = FAULTS[fault]
    if kind == "server":
        return (UIS[0],)
    having = [ui for ui in UIS if applies(fault, ui)]
    if not CATCHES[fault].reads_the_page:
        return tuple(having[:1])
    chosen: dict[Locators, str] = {}
    for ui in having:
        chosen.setdefault(locators_of(ui), ui)
    return tuple(chosen.values())


def generations_with_faults() -> tuple[str, ...]:
    """The generations that run fault cases of their own, newest first (each also runs the faultless baseline)."""
    return tuple(ui for ui in UIS if any(ui in generations_of(fault) for fault in FAULTS))
