"""Is the target fit for MM-T940? Checked before any browser starts; every failure is one PreflightError line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import requests

from mattermost_suite.config import Config, refuse_unsafe_revoke, rehearsal_reason
from mattermost_suite.errors import PreflightError, SuiteError
from mattermost_suite.generations import decide, parse_version, wording_of
from mattermost_suite.server import mfa
from mattermost_suite.server import settings as server_settings
from mattermost_suite.server.api import MattermostApi

FIRST_VERSION_WITH_REVOKE_ALL = (5, 14, 0)


@dataclass(frozen=True)
class ServerInfo:
    url: str
    version_id: str
    version: tuple[int, int, int]
    ui: str
    team_id: str
    team_name: str
    # GET /api/v4/config/client?format=old with the admin's session (string values, the server's key names).
    client_config: Mapping[str, str] = field(default_factory=dict)
    # One line each about settings that change what the run meets without refusing it (e.g. no tutorial).
    notes: tuple[str, ...] = ()

    @property
    def version_text(self) -> str:
        return ".".join(map(str, self.version))

    @property
    def wording(self) -> str:
        """The confirmation message's wording (generations.WORDINGS): the version's, whatever `ui` says."""
        return wording_of(self.version)


def check_server(config: Config, api: MattermostApi) -> ServerInfo:
    """Safety rule, reachable, a Mattermost, recent enough, its settings allow the run, admin can log in (with MFA
    when on), admin is a system admin, a team."""
    refuse_unsafe_revoke(config)
    url = config.base_url
    try:
        ping = api.ping()
    except requests.RequestException as error:
        raise PreflightError(f"cannot reach {url}: {_why(error, config.request_timeout)}") from None
    version_id = ping.headers.get("X-Version-Id", "")
    if not version_id:
        raise PreflightError(
            f"{url} is not a Mattermost server: /api/v4/system/ping answered HTTP {ping.status_code} "
            "without an X-Version-Id header"
        )
    version = parse_version(version_id)
    if version < FIRST_VERSION_WITH_REVOKE_ALL:
        raise PreflightError(
            f"Mattermost {'.'.join(map(str, version))} at {url} is too old: Revoke All Sessions needs 5.14 or newer"
        )
    rehearsing = rehearsal_reason(config) is not None
    _refuse_settings(_client_config(api), config.admin_username, rehearsing)  # what a logged-out web app sees
    admin = _log_in_admin(config, api)
    roles = admin.get("roles", "").split()
    if "system_admin" not in roles:
        raise PreflightError(
            f"{config.admin_username!r} lacks the manage_system permission (roles: "
            f"{' '.join(roles) or 'none'}): Revoke All Sessions needs a system admin"
        )
    client_config = _client_config(api)  # with the session: the full set (EnableTutorial...)
    team = _team(config, api)
    return ServerInfo(
        url,
        version_id,
        version,
        decide(config.ui, version),
        team["id"],
        team["name"],
        client_config,
        tuple(server_settings.notes(client_config, rehearsing)),
    )


def _refuse_settings(client_config: Mapping[str, str], admin_login_id: str, rehearsing: bool) -> None:
    """A rehearsal never confirms the revoke: what only the confirm part needs does not refuse it (notes() says)."""
    for refusal in (
        server_settings.mfa_enforced_refusal(client_config),
        server_settings.admin_sign_in_refusal(client_config, admin_login_id),
        server_settings.login_page_locale_refusal(client_config),
        None if rehearsing else server_settings.user_statuses_refusal(client_config),
    ):
        if refusal:
            raise PreflightError(refusal)


def _log_in_admin(config: Config, api: MattermostApi) -> dict:
    try:
        return api.log_in(config.admin_username, config.admin_password, mfa.admin_totp(config))
    except SuiteError as error:
        raise PreflightError(_admin_login_failure(config, error.error_id or str(error))) from None


def _admin_login_failure(config: Config, error_id: str) -> str:
    who = f"admin {config.admin_username!r}"
    if error_id in mfa.CODE_MISSING and not config.admin_mfa_secret:
        return f"{who} has multi-factor authentication on: set MM_ADMIN_MFA_SECRET (its TOTP secret)"
    if error_id == mfa.CODE_WRONG or error_id in mfa.CODE_MISSING:
        return (
            f"{who} refused the MFA code made from MM_ADMIN_MFA_SECRET ({error_id}): check the secret, and "
            "this machine's clock (codes change every 30 s)"
        )
    return f"{who} cannot log in to {config.base_url}: {error_id} (check MM_ADMIN_USERNAME / MM_ADMIN_PASSWORD)"


def _client_config(api: MattermostApi) -> dict[str, str]:
    try:
        return api.client_config()
    except SuiteError as error:
        raise PreflightError(f"cannot read the server's client configuration: {error}") from None


def check_grid(config: Config) -> None:
    """An external grid (grid_url) answers at all; otherwise every browser would fail in the first step instead."""
    try:
        requests.get(f"{config.grid_url}/status", timeout=config.request_timeout)
    except requests.RequestException as error:
        raise PreflightError(
            f"the Selenium Grid at {config.grid_url} does not answer: "
            f"{_why(error, config.request_timeout)} (grid_url / SELENIUM_GRID_URL)"
        ) from None


def _team(config: Config, api: MattermostApi) -> dict:
    """The team the test user joins: -D team=<name>, else the admin's first team."""
    try:
        if config.team:
            return api.team_by_name(config.team)
        teams = api.my_teams()
    except SuiteError as error:
        raise PreflightError(f"cannot find the team for the test user: {error}") from None
    if not teams:
        raise PreflightError(f"admin {config.admin_username!r} belongs to no team: pass -D team=<team name>")
    return teams[0]


def _why(error: requests.RequestException, timeout: float) -> str:
    text = str(error)
    if isinstance(error, requests.Timeout):
        return f"no answer within {timeout:g} s (request_timeout)"
    if "refused" in text:
        return "connection refused"
    if "Name or service not known" in text or "getaddrinfo" in text or "resolve" in text:
        return "unknown host name"
    return type(error).__name__
