"""Named regressions the stand-in can be started with (off by default), for proving the suite catches them.

Each is a realistic bug a release could ship; "server" faults change the REST behaviour, "page" faults change
the web app served to browsers. Both sides stay faithful when no fault is named.
"""

from __future__ import annotations

from collections.abc import Callable

from . import generations
from .config import parse_semver
from .generations import DESKTOP_BROWSERS_LANDING_SINCE, Generation

FAULTS: dict[str, tuple[str, str]] = {
    "revoke_all_noop": ("server", "revoke-all answers 200 but revokes nothing"),
    "revoke_all_spares_mobile": ("server", "revoke-all keeps sessions with a device_id / isMobile (mobile apps)"),
    "revoke_all_spares_caller": ("server", "revoke-all keeps every session of the calling admin (their other devices)"),
    "endpoint_accepts_non_admin": ("server", "revoke-all by a user without manage_system returns 200 and revokes"),
    "old_tokens_still_valid": ("server", "revoked sessions leave the list but cached tokens still work (stale cache)"),
    "cancel_revokes": ("page", "the modal's Cancel also sends the revoke-all request"),
    "confirm_wording": ("page", "the confirmation modal shows a different message"),
    "no_expired_banner": ("page", "the login page never shows the session-expired banner"),
    "logout_wrong_page": ("page", "a logged-out browser is sent to an error page instead of the login page"),
    "idle_never_notices": ("page", "an idle page ignores the 401 of its status poll and stays put"),
    "button_for_non_admin": ("page", "the console and its Revoke All Sessions button are shown to a non-admin"),
    "admin_not_logged_out": ("page", "after Confirm the admin's page stays on the System Console"),
    "tutorial_reappears": (
        "page",
        "the web app ignores the saved first-login preferences: the v5 tutorial or the "
        "v7+ onboarding task list shows again",
    ),
    "modal_body_has_buttons": ("page", "the confirmation's message element also holds the Cancel and confirm buttons"),
    "landing_page_returns": (
        "page",
        "the web app never remembers that a browser has seen its landing page: it comes back at every load",
    ),
    "admin_stranded_on_preparing_workspace": (
        "page",
        "every page sends the system admin to the preparing-workspace page, the System Console included",
    ),
    "task_list_stays": ("page", 'the onboarding task list\'s "No thanks" does nothing: the list never goes away'),
    "status_poll_stops": ("page", "a channel page never starts its status poll, so an idle page never asks the server"),
}

# Faults of a screen that only some web-app generations have (asked of each generation's declaration); every other
# fault applies to all of them.
ONLY_IN: dict[str, Callable[[Generation], bool]] = {
    # The first-admin workspace onboarding arrived with the v7 web app; v5 has no such page.
    "admin_stranded_on_preparing_workspace": lambda generation: generation.has_workspace_onboarding,
    # A desktop browser meets the landing page from 7.3 (v5: only a phone's browser, which the fault runs leave out).
    "landing_page_returns": lambda generation: parse_semver(generation.version) >= DESKTOP_BROWSERS_LANDING_SINCE,
    # The onboarding task list arrived with the v7 web app, with the workspace onboarding.
    "task_list_stays": lambda generation: generation.has_workspace_onboarding,
}


class UnknownFault(ValueError):
    pass


def validate(names) -> tuple[str, ...]:
    """The names as a tuple; one-line UnknownFault naming the valid ones otherwise."""
    names = tuple(names or ())
    unknown = [n for n in names if n not in FAULTS]
    if unknown:
        raise UnknownFault(f"unknown fault {', '.join(unknown)!s}; valid faults: {', '.join(FAULTS)}")
    return names


def applies(fault: str, ui: str) -> bool:
    """Whether the web-app generation `ui` has the screen that `fault` breaks."""
    rule = ONLY_IN.get(fault)
    return rule is None or rule(generations.generation(ui))


def page_faults(names) -> list[str]:
    return [n for n in names if FAULTS[n][0] == "page"]
