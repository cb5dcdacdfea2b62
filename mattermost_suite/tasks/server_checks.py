"""What the server itself says about sessions, through the REST API (the browsers can't lie about this)."""
from __future__ import annotations

from typing import Sequence

from ..api import MattermostApi
from ..errors import SuiteError
from ..fleet import Device
from .scene import Person


def sessions_still_active(api: MattermostApi, person: Person, devices: Sequence[Device]) -> None:
    problems = []
    try:
        listed = api.sessions(person.user_id)
    except SuiteError as error:
        if error.status != 401:
            raise
        problems.append(f"the system admin's own REST session was refused ({error.error_id})")
        api.log_in_again()
        listed = api.sessions(person.user_id)
    problems += [] if len(listed) >= len(devices) else [
        f"the server lists {len(listed)} session(s) of the {person.role}, expected at least {len(devices)}"]
    problems += [f"{device.name}: its session is refused (HTTP {status})"
                 for device, status in _statuses(api, devices) if status != 200]
    if problems:
        raise AssertionError("sessions were deactivated although the revoke was cancelled:\n  - "
                             + "\n  - ".join(problems))


def no_sessions_left(api: MattermostApi, person: Person) -> None:
    api.log_in_again()  # the admin's REST session was revoked as well
    listed = api.sessions(person.user_id)
    if listed:
        raise AssertionError(f"the server still lists {len(listed)} session(s) of the {person.role}")


def old_sessions_refused(api: MattermostApi, devices: Sequence[Device]) -> None:
    accepted = [f"{device.name}: HTTP {status}" for device, status in _statuses(api, devices) if status != 401]
    if accepted:
        raise AssertionError("old sessions are not refused with 401:\n  - " + "\n  - ".join(accepted))


def _statuses(api: MattermostApi, devices: Sequence[Device]):
    missing = [device.name for device in devices if not device.session_token]
    if missing:
        raise AssertionError(f"no session cookie was recorded for: {', '.join(missing)}")
    return [(device, api.status_with_token("GET", "/users/me", device.session_token)) for device in devices]
