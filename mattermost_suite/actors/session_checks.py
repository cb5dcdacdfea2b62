"""What the server itself says about sessions, through the REST API (the browsers can't lie about this).
The system admin's verbs use these with its REST identity."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from mattermost_suite.domain import SESSION_EXPIRED, Person
from mattermost_suite.errors import SuiteError
from mattermost_suite.fleet import Device
from mattermost_suite.fleet.apps import AppSession
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi


def sessions_still_active(
    api: MattermostApi,
    person: Person,
    devices: Sequence[Device],
    extra_apps: Sequence[AppSession],
    at_once: int,
    because: str,
) -> None:
    """Every device's and extra app's session is listed (apps as mobile, by device id) and accepted, and so is the
    system admin's own REST session (its first call)."""
    problems = []
    try:
        listed = api.sessions(person.user_id)
    except SuiteError as error:
        if error.status != 401:
            raise
        problems.append(f"the system admin's own REST session was refused ({error.error_id})")
        api.log_in_again()
        listed = api.sessions(person.user_id)
    expected = len(devices) + len(extra_apps)
    problems += (
        []
        if len(listed) >= expected
        else [f"the server lists {len(listed)} session(s) of the {person.role}, expected at least {expected}"]
    )
    mobile = {s.get("device_id") for s in listed if s.get("props", {}).get("isMobile") == "true"}
    apps = [d.app for d in devices if d.app] + list(extra_apps)
    problems += [
        f"{len(unlisted)} app session(s) not listed as mobile with their device_id"
        for unlisted in [[a for a in apps if a.device_id not in mobile]]
        if unlisted
    ]
    problems += [
        f"{device.name}: its session is refused (HTTP {status})"
        for device, status in _statuses(api, devices)
        if status != 200
    ]
    refused = [status for status in _token_statuses(api, extra_apps, at_once) if status != 200]
    problems += [f"{len(refused)} of {len(extra_apps)} extra app sessions are refused"] if refused else []
    if problems:
        raise AssertionError(f"sessions were deactivated {because}:\n  - " + "\n  - ".join(problems))


def tokens_still_accepted(api: MattermostApi, devices: Sequence[Device], because: str) -> None:
    """Each device's session token (e.g. the system admin's browser) is still accepted by the server."""
    refused = [
        f"{device.name} ({device.record.role}): HTTP {status}"
        for device, status in _statuses(api, devices)
        if status != 200
    ]
    if refused:
        raise AssertionError(f"sessions were deactivated {because}:\n  - " + "\n  - ".join(refused))


def no_sessions_left(api: MattermostApi, person: Person) -> None:
    # The admin's REST session was revoked as well (its old token is checked with the other old sessions).
    # Logging in again leaves that old session alone: only a logout or a revoke ends it.
    api.log_in_again()
    listed = api.sessions(person.user_id)
    if listed:
        raise AssertionError(f"the server still lists {len(listed)} session(s) of the {person.role}")


def old_sessions_refused(
    api: MattermostApi,
    devices: Sequence[Device],
    extra_apps: Sequence[AppSession],
    at_once: int,
    rest_sessions: Sequence[tuple[str, Secret | None]],
) -> None:
    """Every old session token is refused with 401: the devices', the extra apps' and named REST sessions' (e.g. the
    system admin's seeding session, which no page logs out)."""
    missing = [name for name, token in rest_sessions if not token]
    if missing:
        raise AssertionError(f"no session token was recorded for: {', '.join(missing)}")
    accepted = [f"{device.name}: HTTP {status}" for device, status in _statuses(api, devices) if status != 401]
    accepted += [
        f"{name}: HTTP {status}"
        for name, token in rest_sessions
        if (status := api.status_with_token("GET", "/users/me", token)) != 401
    ]
    with ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="extra-app") as pool:
        answers = list(pool.map(lambda app: app.check_in(), extra_apps))  # each extra app's next request
    still = [answer for answer in answers if answer != (401, SESSION_EXPIRED)]
    accepted += [f"{len(still)} of {len(extra_apps)} extra app sessions: {sorted(set(still))}"] if still else []
    if accepted:
        raise AssertionError("old sessions are not refused with 401:\n  - " + "\n  - ".join(accepted))


def _statuses(api: MattermostApi, devices: Sequence[Device]):
    missing = [device.name for device in devices if not device.session_token]
    if missing:
        raise AssertionError(f"no session cookie was recorded for: {', '.join(missing)}")
    return [(device, api.status_with_token("GET", "/users/me", device.session_token)) for device in devices]


def _token_statuses(api: MattermostApi, apps: Sequence[AppSession], at_once: int) -> list[int]:
    """Many tokens checked a bounded number at a time (the server's view, not the apps' own requests)."""
    with ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="token-check") as pool:
        return list(pool.map(lambda app: api.status_with_token("GET", "/users/me", app.token), apps))
