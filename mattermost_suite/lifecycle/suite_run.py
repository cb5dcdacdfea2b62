"""One run of the suite: settings, the target server as checked by the preflight, the admin's REST identity, and
the devices every scenario used (for the report's environment)."""

from __future__ import annotations

import secrets as random_tokens
from collections.abc import Mapping
from dataclasses import dataclass, field

from mattermost_suite.config import Config, load
from mattermost_suite.domain import SYSTEM_ADMIN, DeviceRecord, Person
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.preflight import ServerInfo


def config_from_behave(userdata: Mapping[str, str], defines: list[tuple[str, str]] | None) -> Config:
    """behave merges behave.ini and -D into userdata; split them again so environment variables sit between."""
    defines_map = dict(defines or [])
    ini = {key: value for key, value in userdata.items() if key not in defines_map}
    return load(ini, defines_map)


def new_run_id() -> str:
    return random_tokens.token_hex(4)


@dataclass
class SuiteRun:
    config: Config
    server: ServerInfo
    admin_api: MattermostApi
    run_id: str
    device_records: list[DeviceRecord] = field(default_factory=list)
    scenarios_seeded: int = field(default=0)

    @property
    def admin(self) -> Person:
        user = self.admin_api.user
        return Person(
            SYSTEM_ADMIN,
            self.config.admin_username,
            user.get("email", ""),
            self.config.admin_password,
            user.get("id", ""),
        )
