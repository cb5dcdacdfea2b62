"""What the server's configuration lets MM-T940 do, read the way the web app reads it: GET /api/v4/config/client
?format=old, a map of strings ("true"/"false"). The key names are the server's (config/client.go): without a
session the limited set (sign-in methods, MFA, locale, sign-up), with one the full set (EnableTutorial too).

Each check returns one line, or None when the setting is fine. A key the server does not send counts as the
product's default, so an older server that lacks a key is not refused for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mattermost_suite.domain import LANDING_BROWSERS, LANDING_NONE, LANDING_PHONES

ClientConfig = Mapping[str, str]

# "logs in with" in the feature's device table -> (client-config key, the setting's name in config.json / the console)
SIGN_IN = {
    "email": ("EnableSignInWithEmail", "EmailSettings.EnableSignInWithEmail"),
    "username": ("EnableSignInWithUsername", "EmailSettings.EnableSignInWithUsername"),
}
ENGLISH = "en"
# The web app's landing page for desktop browsers too (mattermost-webapp commit b6487e2, #10653, 2022-08-03; before,
# only a phone's browser was sent there): first in 7.3.0, inferred from the merge date (no v7 tag was at hand).
DESKTOP_BROWSERS_LANDING_SINCE = (7, 3, 0)


def is_on(client_config: ClientConfig, key: str, default: bool) -> bool:
    value = client_config.get(key)
    return default if value is None else value.strip().lower() == "true"


def login_method(login_id: str) -> str:
    """Mattermost usernames cannot hold "@": a login id with one is an email address."""
    return "email" if "@" in login_id else "username"


def sign_in_methods_refusal(
    client_config: ClientConfig, rows: Sequence[Sequence[str]], extra_apps_by_email: int = 0
) -> str | None:
    """rows: the device table's (device, logs in with, state). The server refuses a login by a switched-off method
    (app/login.go GetUserForLogin), so a row that uses one would fail for the server's sake, not the product's."""
    for method, (key, setting) in SIGN_IN.items():
        if is_on(client_config, key, default=True):
            continue
        devices = [row[0] for row in rows if row[1] == method]
        if method == "email" and extra_apps_by_email:
            devices.append(f"the {extra_apps_by_email} extra app sessions")
        if devices:
            other = "username" if method == "email" else "email"
            return (
                f"{', '.join(devices)} would log in with {method}, but this server has sign-in with {method} "
                f'switched off ({setting}): give them "{other}" in the device table\'s "logs in with" column, '
                f"or switch {setting} on for the run"
            )
    return None


def open_sign_in_method(client_config: ClientConfig) -> str:
    """For a login the feature leaves open (the non-admin's one browser): email, or username where email is off."""
    return "email" if is_on(client_config, SIGN_IN["email"][0], default=True) else "username"


def admin_sign_in_refusal(client_config: ClientConfig, admin_login_id: str) -> str | None:
    """The admin logs in (REST and browser) with admin_username as given: a username or an email address."""
    method = login_method(admin_login_id)
    key, setting = SIGN_IN[method]
    if is_on(client_config, key, default=True):
        return None
    other = "email address" if method == "username" else "username"
    return (
        f"admin_username {admin_login_id!r} is {'a username' if method == 'username' else 'an email address'}, "
        f"but this server has sign-in with {method} switched off ({setting}): set MM_ADMIN_USERNAME to the "
        f"admin's {other}"
    )


def mfa_enforced_refusal(client_config: ClientConfig) -> str | None:
    """Enforced MFA sends every user without MFA to set it up before anything else (the test users have none)."""
    if not is_on(client_config, "EnforceMultifactorAuthentication", default=False):
        return None
    return (
        "this server enforces multi-factor authentication for everyone "
        "(ServiceSettings.EnforceMultifactorAuthentication): the test users would have to set up MFA before they "
        "could log in; switch it off for the run"
    )


def login_page_locale_refusal(client_config: ClientConfig) -> str | None:
    """A logged-out web app speaks DefaultClientLocale (webapp selectors/i18n getCurrentLocale): the login page's
    "Your session has expired. Please log in again." would be in that language."""
    locale = client_config.get("DefaultClientLocale", ENGLISH) or ENGLISH
    if locale == ENGLISH:
        return None
    return (
        f"the login page speaks {locale!r} (LocalizationSettings.DefaultClientLocale), not English: the "
        "expired-session message could not be compared with the product's English words; set it to en for the run"
    )


USER_STATUSES = "ServiceSettings.EnableUserStatuses"


def user_statuses_refusal(client_config: ClientConfig) -> str | None:
    """An idle web app notices a revoked session through its status poll (channel_controller.tsx), which runs only
    while user statuses are on: with them off, "logged out automatically" cannot be observed."""
    if is_on(client_config, "EnableUserStatuses", default=True):
        return None
    return (
        f"this server has user statuses switched off ({USER_STATUSES}): an idle web app then never asks the server "
        "anything and cannot notice the revoke by itself, so MM-T940's automatic logout cannot be observed; "
        "switch it on for the run"
    )


def notes(client_config: ClientConfig, rehearsing: bool = False) -> list[str]:
    """What the run should say about the server's settings without refusing it."""
    lines = []
    if rehearsing and user_statuses_refusal(client_config):
        lines.append(
            f"{USER_STATUSES} is off: this rehearsal stops before the confirm anyway; a run that confirms would be "
            "refused, as an idle web app could not notice the revoke by itself"
        )
    if not is_on(client_config, "EnableTutorial", default=True):
        lines.append(
            "ServiceSettings.EnableTutorial is off: this server shows new users no tutorial "
            "(the first-login preferences are saved anyway)"
        )
    if not is_on(client_config, "EnableUserCreation", default=True):
        # EnableOpenServer (off by default) only concerns self sign-up, which the suite never uses.
        lines.append(
            "TeamSettings.EnableUserCreation is off: the system admin creates the test users anyway "
            "(an admin's POST /api/v4/users skips the sign-up rules)"
        )
    return lines


def landing_page_for(client_config: Mapping[str, str], version: tuple[int, int, int]) -> str:
    """Which browsers the web app sends to its landing page (components/root/root.tsx): none without the download
    links or, since the setting exists (10.2), with ServiceSettings.EnableDesktopLandingPage off; before 7.3 only a
    phone's browser (to its app), since then every browser but the desktop app's."""
    if not client_config.get("AppDownloadLink") or client_config.get("EnableDesktopLandingPage") == "false":
        return LANDING_NONE
    return LANDING_BROWSERS if version >= DESKTOP_BROWSERS_LANDING_SINCE else LANDING_PHONES
